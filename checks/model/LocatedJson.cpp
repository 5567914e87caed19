//===--- LocatedJson.cpp - JSON parsing that remembers where values are --===//
#include "LocatedJson.h"

#include <cctype>
#include <iterator>
#include <vector>

namespace cancellint::model {

using nlohmann::json;

TextPosition positionOf(llvm::StringRef Text, size_t Offset) {
  TextPosition P;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++P.Line;
      P.Column = 1;
    } else {
      ++P.Column;
    }
  }
  return P;
}

size_t LocatedJson::offsetOf(const std::string &Pointer) const {
  // Fall back to the nearest enclosing value that has a position.
  std::string P = Pointer;
  while (true) {
    auto It = Offsets.find(P);
    if (It != Offsets.end())
      return It->second;
    if (P.empty())
      return 0;
    P.erase(P.rfind('/'));
  }
}

std::string jsonPointerToken(const std::string &Key) {
  std::string Out;
  for (char C : Key) {
    if (C == '~')
      Out += "~0";
    else if (C == '/')
      Out += "~1";
    else
      Out += C;
  }
  return Out;
}

namespace {

/// An input iterator that records how far the lexer has read. nlohmann's
/// lexer reads one character at a time and never re-reads, so at each SAX
/// event the furthest position is the end of the token just scanned.
class CountingIterator {
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char *;
  using reference = const char &;

  CountingIterator(const char *P, const char **Furthest)
      : P(P), Furthest(Furthest) {}
  reference operator*() const { return *P; }
  CountingIterator &operator++() {
    ++P;
    if (P > *Furthest)
      *Furthest = P;
    return *this;
  }
  bool operator==(const CountingIterator &O) const { return P == O.P; }
  bool operator!=(const CountingIterator &O) const { return P != O.P; }

private:
  const char *P;
  const char **Furthest;
};

class LocatingSax final : public nlohmann::json_sax<json> {
public:
  LocatingSax(const std::string &Text, const char **Furthest, LocatedJson &Out,
              JsonSyntaxError &Error)
      : Text(Text), Furthest(Furthest), Out(Out), Error(Error) {}

  bool null() override { return value(json(nullptr), scalarStart()); }
  bool boolean(bool V) override { return value(json(V), scalarStart()); }
  bool number_integer(number_integer_t V) override {
    return value(json(V), scalarStart());
  }
  bool number_unsigned(number_unsigned_t V) override {
    return value(json(V), scalarStart());
  }
  bool number_float(number_float_t V, const string_t &) override {
    return value(json(V), scalarStart());
  }
  bool string(string_t &V) override { return value(json(V), stringStart()); }
  bool binary(binary_t &V) override { return value(json(V), scalarStart()); }

  bool start_object(std::size_t) override {
    return open(json::object(), consumed() - 1);
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    return open(json::array(), consumed() - 1);
  }
  bool end_array() override { return close(); }

  bool key(string_t &Key) override {
    json &Parent = *Stack.back().Node;
    if (Parent.contains(Key)) {
      Error = {stringStart(), "duplicate key \"" + Key + "\""};
      return false;
    }
    PendingKey = Key;
    PendingKeyOffset = stringStart();
    return true;
  }

  bool parse_error(std::size_t Position, const std::string &,
                   const nlohmann::detail::exception &Ex) override {
    // Position counts characters read; the offending one is the last.
    Error.Offset = Position == 0 ? 0 : Position - 1;
    std::string What = Ex.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line
    // 1, column 2: " prefix: we print our own location.
    auto Colon = What.find(": ");
    Error.Message = Colon == std::string::npos ? What : What.substr(Colon + 2);
    return false;
  }

private:
  struct Frame {
    json *Node;
    std::string Pointer;
  };

  static constexpr size_t MaxDepth = 64;
  const std::string &Text;
  const char **Furthest;
  LocatedJson &Out;
  JsonSyntaxError &Error;
  std::vector<Frame> Stack;
  std::string PendingKey;
  size_t PendingKeyOffset = 0;

  size_t consumed() const { return *Furthest - Text.data(); }

  /// The opening quote of the string that ends just before consumed().
  size_t stringStart() const {
    size_t End = consumed() - 1; // closing quote
    for (size_t I = End; I-- > 0;) {
      if (Text[I] != '"')
        continue;
      size_t Backslashes = 0;
      while (Backslashes < I && Text[I - 1 - Backslashes] == '\\')
        ++Backslashes;
      if (Backslashes % 2 == 0)
        return I;
    }
    return 0;
  }

  /// Start of a number or literal: scan back over its characters.
  size_t scalarStart() const {
    size_t I = consumed();
    while (I > 0 && !std::isalnum(static_cast<unsigned char>(Text[I - 1])))
      --I; // the lexer may have read one delimiter past the token
    while (I > 0 && (std::isalnum(static_cast<unsigned char>(Text[I - 1])) ||
                     Text[I - 1] == '-' || Text[I - 1] == '+' ||
                     Text[I - 1] == '.'))
      --I;
    return I;
  }

  /// Adds \p V under the current parent; returns the new node's pointer.
  std::pair<json *, std::string> insert(json V, size_t ValueOffset) {
    if (Stack.empty()) {
      Out.Value = std::move(V);
      Out.Offsets[""] = ValueOffset;
      return {&Out.Value, ""};
    }
    Frame &Parent = Stack.back();
    if (Parent.Node->is_array()) {
      std::string Ptr =
          Parent.Pointer + "/" + std::to_string(Parent.Node->size());
      Parent.Node->push_back(std::move(V));
      Out.Offsets[Ptr] = ValueOffset;
      return {&Parent.Node->back(), Ptr};
    }
    std::string Ptr = Parent.Pointer + "/" + jsonPointerToken(PendingKey);
    json &Slot = (*Parent.Node)[PendingKey];
    Slot = std::move(V);
    Out.Offsets[Ptr] = PendingKeyOffset;
    return {&Slot, Ptr};
  }

  bool value(json V, size_t Offset) {
    insert(std::move(V), Offset);
    return true;
  }
  bool open(json V, size_t Offset) {
    // Models are a few levels deep. Each level's pointer is remembered, so
    // without a bound a hostile file ("[[[[...") costs quadratic memory.
    if (Stack.size() >= MaxDepth) {
      Error = {Offset, "JSON nested deeper than " + std::to_string(MaxDepth) +
                           " levels"};
      return false;
    }
    auto [Node, Ptr] = insert(std::move(V), Offset);
    Stack.push_back({Node, Ptr});
    return true;
  }
  bool close() {
    Stack.pop_back();
    return true;
  }
};

} // namespace

bool parseLocatedJson(const std::string &Text, LocatedJson &Out,
                      JsonSyntaxError &Error) {
  const char *Furthest = Text.data();
  LocatingSax Sax(Text, &Furthest, Out, Error);
  CountingIterator Begin(Text.data(), &Furthest);
  CountingIterator End(Text.data() + Text.size(), &Furthest);
  bool Ok = json::sax_parse(Begin, End, &Sax);
  if (!Ok && Error.Message.empty())
    Error.Message = "invalid JSON";
  return Ok;
}

} // namespace cancellint::model
