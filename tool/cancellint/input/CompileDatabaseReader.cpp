//===--- CompileDatabaseReader.cpp - compile_commands.json, checked -----===//
//
// A streaming check of the text with positions, separate from the model
// files' LocatedJson on purpose: that one builds a DOM and a pointer map,
// right for kilobyte models, far too heavy for databases of hundreds of
// megabytes.
//
//===----------------------------------------------------------------------===//
#include "input/CompileDatabaseReader.h"
#include "model/LocatedJson.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang::tooling;

namespace cancellint::tool {

namespace {

/// A valid database nests three deep (array, entry, "arguments"). The
/// syntax check recurses once per level: deeper input is refused.
constexpr unsigned MaxNesting = 64;
/// Problems listed in full: a generator bug can make thousands alike.
constexpr size_t MaxListed = 10;

/// The keys a compile command may have.
constexpr llvm::StringLiteral KnownKeys[] = {"directory", "file", "command",
                                             "arguments", "output"};

struct Problem {
  size_t Offset = 0;   ///< into the text as given
  std::string Message; ///< one line
  std::string Pointer; ///< JSON pointer; empty for the document or its syntax
};

/// The first few problems, and how many more there were.
class Problems {
public:
  void add(size_t Offset, std::string Message, std::string Pointer = "") {
    if (Listed.size() < MaxListed)
      Listed.push_back({Offset, std::move(Message), std::move(Pointer)});
    else
      ++Unlisted;
  }
  bool empty() const { return Listed.empty(); }

  /// One "file:line:col: error: message (at /pointer)" line per problem.
  std::string format(llvm::StringRef Text, llvm::StringRef FileName) const {
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    for (const Problem &P : Listed) {
      model::TextPosition Where = model::positionOf(Text, P.Offset);
      OS << FileName << ":" << Where.Line << ":" << Where.Column
         << ": error: " << P.Message;
      if (!P.Pointer.empty())
        OS << " (at " << P.Pointer << ")";
      OS << "\n";
    }
    if (Unlisted)
      OS << FileName << ": note: " << Unlisted << " more problem"
         << (Unlisted == 1 ? "" : "s") << " not shown\n";
    return llvm::StringRef(Out).rtrim('\n').str();
  }

private:
  std::vector<Problem> Listed;
  size_t Unlisted = 0;
};

bool isJsonSpace(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r';
}

/// Checks that text is JSON (RFC 8259) in one pass, without building
/// values: databases run to hundreds of megabytes. Recursion is bounded by
/// MaxNesting. On failure, the offending character and what was expected.
class JsonSyntax {
public:
  explicit JsonSyntax(llvm::StringRef Text, size_t Start)
      : Text(Text), Pos(Start) {}

  /// Returns false with the first problem in \p Found.
  bool check(Problems &Found) {
    skipSpace();
    if (value(1)) {
      skipSpace();
      if (Pos == Text.size())
        return true;
      fail("text after the end of the JSON value");
    }
    Found.add(ErrorAt, std::move(Error));
    return false;
  }

private:
  char peek() const { return Pos < Text.size() ? Text[Pos] : '\0'; }
  bool atEnd() const { return Pos >= Text.size(); }

  void skipSpace() {
    while (Pos < Text.size() && isJsonSpace(Text[Pos]))
      ++Pos;
  }

  bool fail(std::string Message) { return failAt(Pos, std::move(Message)); }
  bool failAt(size_t At, std::string Message) {
    ErrorAt = At;
    Error = std::move(Message);
    return false;
  }

  bool value(unsigned Depth) {
    if (atEnd())
      return fail("unexpected end of text, expected a value");
    char C = peek();
    if (C == '[' || C == '{') {
      if (Depth > MaxNesting)
        return fail("JSON nested deeper than " + std::to_string(MaxNesting) +
                    " levels");
      return C == '[' ? array(Depth) : object(Depth);
    }
    if (C == '"')
      return string();
    if (C == '-' || llvm::isDigit(C))
      return number();
    for (llvm::StringRef Word : {"true", "false", "null"})
      if (Text.substr(Pos).starts_with(Word)) {
        Pos += Word.size();
        return true;
      }
    return fail("expected a value (string, number, object, array, true, "
                "false or null)");
  }

  /// The elements of an array or the members of an object, each read by
  /// \p Element, separated by commas, up to \p Close.
  template <typename ElementFn>
  bool elements(char Close, const char *ExpectedSeparator,
                ElementFn Element) {
    ++Pos;
    skipSpace();
    if (peek() == Close) {
      ++Pos;
      return true;
    }
    while (true) {
      if (!Element())
        return false;
      skipSpace();
      if (peek() == Close) {
        ++Pos;
        return true;
      }
      if (peek() != ',')
        return fail(ExpectedSeparator);
      ++Pos;
      skipSpace();
    }
  }

  bool array(unsigned Depth) {
    return elements(']', "expected ',' or ']'",
                    [&] { return value(Depth + 1); });
  }

  bool object(unsigned Depth) {
    return elements('}', "expected ',' or '}'", [&] {
      if (peek() != '"')
        return fail("expected a key (a string in double quotes)");
      if (!string())
        return false;
      skipSpace();
      if (peek() != ':')
        return fail("expected ':' after the key");
      ++Pos;
      skipSpace();
      return value(Depth + 1);
    });
  }

  bool string() {
    size_t Start = Pos++;
    while (!atEnd()) {
      auto C = static_cast<unsigned char>(Text[Pos]);
      if (C == '"') {
        ++Pos;
        return true;
      }
      if (C < 0x20)
        return fail("control character in a string (write it as an escape)");
      if (C != '\\') {
        ++Pos;
        continue;
      }
      size_t Escape = Pos++;
      char E = peek();
      if (E == 'u') {
        llvm::StringRef Hex = Text.substr(Pos + 1, 4);
        if (Hex.size() != 4 || !llvm::all_of(Hex, llvm::isHexDigit))
          return failAt(Escape, "\\u needs four hexadecimal digits");
        Pos += 5;
        continue;
      }
      if (atEnd() || !llvm::StringRef("\"\\/bfnrt").contains(E))
        return failAt(Escape, "invalid escape in a string");
      ++Pos;
    }
    return failAt(Start, "string without its closing quote");
  }

  /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  bool number() {
    auto Digits = [this] {
      size_t Start = Pos;
      while (llvm::isDigit(peek()))
        ++Pos;
      return Pos > Start;
    };
    if (peek() == '-')
      ++Pos;
    if (peek() == '0')
      ++Pos;
    else if (!Digits())
      return fail("expected a digit");
    if (peek() == '.') {
      ++Pos;
      if (!Digits())
        return fail("expected a digit after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++Pos;
      if (peek() == '+' || peek() == '-')
        ++Pos;
      if (!Digits())
        return fail("expected a digit in the exponent");
    }
    return true;
  }

  llvm::StringRef Text;
  size_t Pos;
  size_t ErrorAt = 0;
  std::string Error;
};

/// What a JSON value is, from its first character (in valid JSON).
std::string kindOf(char C) {
  switch (C) {
  case '"':
    return "a string";
  case '[':
    return "an array";
  case '{':
    return "an object";
  case 't':
  case 'f':
    return "a boolean";
  case 'n':
    return "null";
  default:
    return "a number";
  }
}

/// \p S as a JSON string literal, shortened: it goes into a one-line message.
std::string jsonQuoted(llvm::StringRef S) {
  constexpr size_t Shown = 40;
  bool Cut = S.size() > Shown;
  if (Cut) {
    size_t End = Shown; // not inside a UTF-8 sequence
    while (End > 0 && (static_cast<unsigned char>(S[End]) & 0xC0) == 0x80)
      --End;
    S = S.take_front(End);
  }
  std::string Out;
  llvm::raw_string_ostream(Out) << llvm::json::Value(S.str());
  if (Cut)
    Out.insert(Out.size() - 1, "...");
  return Out;
}

/// Where an entry and its "command" start in the text.
struct EntryPlace {
  size_t Start = 0;
  size_t Command = 0; ///< the "command" value; Start when there is none
  /// The "command" has nothing but spaces, quotes and backslashes: it may
  /// split into no words at all.
  bool CommandMayBeEmpty = false;
  /// The key that gives the command line: Clang also splits a one-element
  /// "arguments" array like a "command" string.
  const char *CommandKey = "command";
};

/// Any other character ends up in a word of the command line.
bool mayHaveNoWords(llvm::StringRef Command) {
  return Command.find_first_not_of(" \t\n\v\f\r\"'\\") == llvm::StringRef::npos;
}

/// Walks text that JsonSyntax accepted and checks the shape of a
/// compilation database, with the place of every problem.
class ShapeChecker {
public:
  ShapeChecker(llvm::StringRef Text, size_t Start, Problems &Found)
      : Text(Text), Pos(Start), Found(Found) {}

  void check() {
    skipSpace();
    if (peek() != '[') {
      Found.add(Pos, "a compilation database is an array of compile "
                     "commands, found " +
                         kindOf(peek()));
      return;
    }
    ++Pos;
    skipSpace();
    if (peek() == ']')
      return;
    for (size_t Index = 0;; ++Index) {
      skipSpace();
      checkEntry(Index);
      skipSpace();
      if (peek() != ',')
        return;
      ++Pos;
    }
  }

  const std::vector<EntryPlace> &entries() const { return Entries; }
  bool anyCommandMayBeEmpty() const { return AnyCommandMayBeEmpty; }

private:
  char peek() const { return Pos < Text.size() ? Text[Pos] : '\0'; }

  void skipSpace() {
    while (Pos < Text.size() && isJsonSpace(Text[Pos]))
      ++Pos;
  }

  void skipString() {
    ++Pos; // the opening quote
    while (Pos < Text.size()) {
      char C = Text[Pos++];
      if (C == '\\')
        ++Pos;
      else if (C == '"')
        return;
    }
  }

  /// Skips one value; always advances unless at the end.
  void skipValue() {
    char C = peek();
    if (C == '"') {
      skipString();
      return;
    }
    if (C != '[' && C != '{') { // a number, true, false or null
      do
        ++Pos;
      while (Pos < Text.size() && !isJsonSpace(Text[Pos]) &&
             !llvm::StringRef(",]}").contains(Text[Pos]));
      return;
    }
    unsigned Depth = 0;
    while (Pos < Text.size()) {
      C = Text[Pos];
      if (C == '"') {
        skipString();
        continue;
      }
      ++Pos;
      if (C == '[' || C == '{')
        ++Depth;
      else if ((C == ']' || C == '}') && --Depth == 0)
        return;
    }
  }

  std::string readString() {
    size_t Start = Pos;
    skipString();
    llvm::StringRef Literal = Text.slice(Start, Pos);
    if (!Literal.contains('\\'))
      return Literal.drop_front().drop_back().str();
    // Escapes: the JSON parser decodes them as it did for the whole text.
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(Literal);
    if (!V) {
      llvm::consumeError(V.takeError());
      return "";
    }
    return V->getAsString().value_or("").str();
  }

  void checkEntry(size_t Index) {
    std::string Entry = "/" + std::to_string(Index);
    EntryPlace Place{Pos, Pos};
    Entries.push_back(Place);
    if (peek() != '{') {
      Found.add(Pos,
                "a compile command is an object with \"directory\", \"file\" "
                "and \"command\" or \"arguments\", found " +
                    kindOf(peek()),
                Entry);
      skipValue();
      return;
    }
    ++Pos;
    skipSpace();
    bool HasDirectory = false, HasFile = false, HasCommand = false;
    unsigned Seen = 0; // bit I: KnownKeys[I] was seen
    while (peek() == '"') {
      size_t KeyAt = Pos;
      std::string Key = readString();
      skipSpace();
      ++Pos; // ':'
      skipSpace();
      char First = peek();
      size_t Known = llvm::find(KnownKeys, Key) - std::begin(KnownKeys);
      bool Duplicate = Known < std::size(KnownKeys) && (Seen >> Known & 1U);
      Seen |= 1U << Known;
      if (Duplicate) {
        // Clang's loader keeps the first "command" but the last "file":
        // which one was meant is anybody's guess.
        Found.add(KeyAt, "duplicate key " + jsonQuoted(Key), Entry);
        skipValue();
      } else if (Key == "arguments") {
        HasCommand = true;
        if (First == '[') {
          checkArguments(Entry + "/arguments");
        } else {
          Found.add(Pos,
                    "\"arguments\" must be an array of strings, found " +
                        kindOf(First),
                    Entry + "/arguments");
          skipValue();
        }
      } else if (Known < std::size(KnownKeys)) {
        HasDirectory |= Key == "directory";
        HasFile |= Key == "file";
        if (Key == "command") {
          HasCommand = true;
          Entries.back().Command = Pos;
        }
        if (First != '"') {
          Found.add(Pos,
                    ("\"" + Key + "\" must be a string, found ")
                        .append(kindOf(First)),
                    std::string(Entry).append("/").append(Key));
          skipValue();
        } else if (Key == "command") {
          bool MayBeEmpty = mayHaveNoWords(readString());
          Entries.back().CommandMayBeEmpty = MayBeEmpty;
          AnyCommandMayBeEmpty |= MayBeEmpty;
        } else {
          skipValue();
        }
      } else {
        // Clang's loader refuses unknown keys too; say which ones it knows.
        Found.add(KeyAt,
                  "unknown key " + jsonQuoted(Key) +
                      " (expected one of: directory, file, command, "
                      "arguments, output)",
                  Entry);
        skipValue();
      }
      skipSpace();
      if (peek() == ',') {
        ++Pos;
        skipSpace();
      }
    }
    ++Pos; // '}'
    // Both "command" and "arguments" is allowed: the format says
    // "arguments" is preferred, and Clang's loader takes it.
    if (!HasDirectory)
      Found.add(Place.Start,
                "compile command has no \"directory\" (the working directory "
                "its paths are relative to)",
                Entry);
    if (!HasFile)
      Found.add(Place.Start,
                "compile command has no \"file\" (the source file it compiles)",
                Entry);
    if (!HasCommand)
      Found.add(Place.Start,
                R"(compile command has neither "command" nor "arguments")",
                Entry);
  }

  void checkArguments(const std::string &Where) {
    size_t Start = Pos;
    ++Pos; // '['
    skipSpace();
    size_t Count = 0;
    bool FirstMayBeEmpty = false;
    while (Pos < Text.size() && peek() != ']') {
      if (peek() != '"') {
        Found.add(Pos,
                  "\"arguments\" element " + std::to_string(Count) +
                      " must be a string, found " + kindOf(peek()),
                  Where + "/" + std::to_string(Count));
        skipValue();
      } else if (Count == 0) {
        FirstMayBeEmpty = mayHaveNoWords(readString());
      } else {
        skipValue();
      }
      ++Count;
      skipSpace();
      if (peek() == ',') {
        ++Pos;
        skipSpace();
      }
    }
    ++Pos; // ']'
    if (Count == 0)
      Found.add(Start,
                "\"arguments\" is empty; it must start with the compiler",
                Where);
    // Clang splits a lone element into words, like a "command".
    if (Count == 1 && FirstMayBeEmpty) {
      Entries.back().Command = Start;
      Entries.back().CommandMayBeEmpty = true;
      Entries.back().CommandKey = "arguments";
      AnyCommandMayBeEmpty = true;
    }
  }

  llvm::StringRef Text;
  size_t Pos;
  Problems &Found;
  std::vector<EntryPlace> Entries;
  bool AnyCommandMayBeEmpty = false;
};

} // namespace

std::unique_ptr<CompilationDatabase>
parseCompileCommands(llvm::StringRef Text, llvm::StringRef FileName,
                     std::string &Error) {
  Problems Found;
  auto Fail = [&] {
    Error = Found.format(Text, FileName);
    return nullptr;
  };
  // A byte order mark is not JSON, but editors write one and Clang skips it.
  size_t Start = Text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  llvm::StringRef Json = Text.drop_front(Start);
  size_t BadByte = 0;
  if (!llvm::json::isUTF8(Json, &BadByte)) {
    Found.add(Start + BadByte, "invalid UTF-8 (JSON text must be UTF-8)");
    return Fail();
  }
  // Strict JSON first, with the place of a syntax error: Clang's YAML
  // reader says only "Error while parsing JSON.".
  if (!JsonSyntax(Text, Start).check(Found))
    return Fail();
  ShapeChecker Shape(Text, Start, Found);
  Shape.check();
  if (!Found.empty())
    return Fail();
  // Clang builds the database, as before the checks.
  std::string LoadError;
  std::unique_ptr<CompilationDatabase> Database =
      JSONCompilationDatabase::loadFromBuffer(Text, LoadError,
                                              JSONCommandLineSyntax::AutoDetect);
  if (!Database) {
    Found.add(Start, "clang cannot read it: " + LoadError);
    return Fail();
  }
  // A "command" with no words ("", only spaces) leaves nothing to run.
  // Clang splits it; only the few that may be empty are worth the work.
  if (!Shape.anyCommandMayBeEmpty())
    return Database;
  std::vector<CompileCommand> Commands = Database->getAllCompileCommands();
  const std::vector<EntryPlace> &Entries = Shape.entries();
  if (Commands.size() == Entries.size())
    for (size_t I = 0; I < Commands.size(); ++I)
      if (Entries[I].CommandMayBeEmpty && Commands[I].CommandLine.empty())
        Found.add(Entries[I].Command,
                  "\"" + std::string(Entries[I].CommandKey) +
                      "\" has no words; it must start with the compiler",
                  "/" + std::to_string(I) + "/" + Entries[I].CommandKey);
  if (!Found.empty())
    return Fail();
  return Database;
}

} // namespace cancellint::tool
