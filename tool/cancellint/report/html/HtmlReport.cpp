//===--- HtmlReport.cpp - One self-contained HTML page for an audit ------===//
//
// SARIF in, one HTML file out: no network, no external fonts or scripts
// (a Content-Security-Policy forbids them), readable without JavaScript,
// printable. Every string that comes from SARIF or from a source file goes
// through escapeHtml(), and hyperlinks only ever carry http(s) URLs, so a
// source line such as `</script><img onerror=...>` shows as text. The
// script carries no data: it reads the DOM, and the policy allows it by
// hash, so no injected inline handler could run even if escaping failed.
//
// Reading SARIF is forgiving (missing members are skipped, not fatal) and
// rendering is deterministic: the same inputs give the same bytes.
//
//===----------------------------------------------------------------------===//
#include "report/html/HtmlReport.h"
#include "OutputFile.h"
#include "SourceLines.h"
#include "input/SarifInput.h"
#include "report/SarifOutput.h"
#include "report/html/HtmlAssets.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace cancellint::tool {

using nlohmann::json;

namespace {

//===----------------------------------------------------------------------===//
// Text helpers
//===----------------------------------------------------------------------===//

/// Escapes for HTML text and quoted attribute values alike, and replaces
/// what is not valid UTF-8 (a Latin-1 source file) and control characters
/// other than tab and newline with U+FFFD, so the page is always valid UTF-8.
std::string escapeHtml(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  const auto *Bytes = reinterpret_cast<const llvm::UTF8 *>(Text.data());
  for (size_t I = 0; I < Text.size();) {
    const unsigned char C = Bytes[I];
    if (C >= 0x80) {
      const unsigned Length = llvm::getNumBytesForUTF8(C);
      if (I + Length <= Text.size() &&
          llvm::isLegalUTF8Sequence(Bytes + I, Bytes + I + Length)) {
        Out.append(Text.data() + I, Length);
        I += Length;
      } else {
        Out += "\xEF\xBF\xBD";
        ++I;
      }
      continue;
    }
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      if ((C < 0x20 && C != '\t' && C != '\n') || C == 0x7F)
        Out += "\xEF\xBF\xBD";
      else
        Out += static_cast<char>(C);
    }
    ++I;
  }
  return Out;
}

/// Only web links are ever put in an href: a SARIF file could carry a
/// `javascript:` helpUri.
std::optional<std::string> safeLink(llvm::StringRef Uri) {
  if (Uri.starts_with_insensitive("https://") ||
      Uri.starts_with_insensitive("http://"))
    return escapeHtml(Uri);
  return std::nullopt;
}

/// "file:///a/b" and "file://localhost/a/b" to "/a/b"; "" for other URIs.
std::string filePathOfUri(llvm::StringRef Uri) {
  if (!Uri.consume_front_insensitive("file://"))
    return "";
  if (!Uri.starts_with("/")) {
    const size_t Slash = Uri.find('/');
    if (Slash == llvm::StringRef::npos)
      return "";
    Uri = Uri.substr(Slash); // drop the host
  }
  return percentDecode(Uri.str());
}

bool hasScheme(llvm::StringRef Uri) {
  const size_t Colon = Uri.find(':');
  return Colon != llvm::StringRef::npos && Colon > 1 &&
         llvm::all_of(Uri.take_front(Colon), [](char C) {
           return llvm::isAlnum(C) || C == '+' || C == '-' || C == '.';
         });
}

std::string withTrailingSlash(std::string Dir) {
  if (!Dir.empty() && Dir.back() != '/')
    Dir += '/';
  return Dir;
}

bool isIdentifierByte(char C) { return llvm::isAlnum(C) || C == '_'; }

//===----------------------------------------------------------------------===//
// Reading SARIF: forgiving accessors
//===----------------------------------------------------------------------===//

const json *member(const json &J, const char *Key) {
  if (!J.is_object())
    return nullptr;
  auto It = J.find(Key);
  return It == J.end() ? nullptr : &*It;
}

std::string stringAt(const json &J, const char *Key) {
  const json *M = member(J, Key);
  return M && M->is_string() ? M->get<std::string>() : "";
}

unsigned unsignedAt(const json &J, const char *Key) {
  const json *M = member(J, Key);
  if (!M || !M->is_number_integer() || M->get<long long>() < 0)
    return 0;
  return static_cast<unsigned>(std::min<long long>(M->get<long long>(), ~0u));
}

const json &arrayAt(const json &J, const char *Key) {
  static const json Empty = json::array();
  const json *M = member(J, Key);
  return M && M->is_array() ? *M : Empty;
}

const json &objectAt(const json &J, const char *Key) {
  static const json Empty = json::object();
  const json *M = member(J, Key);
  return M && M->is_object() ? *M : Empty;
}

//===----------------------------------------------------------------------===//
// What the page shows, collected from every run of every input
//===----------------------------------------------------------------------===//

/// A place in the sources.
struct Place {
  std::string Shown; ///< as printed: relative to its source root when below it
  std::string Path;  ///< where to read it; "" when not a local file
  unsigned Line = 0; ///< 0: no region
  unsigned Column = 0;
  unsigned EndLine = 0;
  unsigned EndColumn = 0;  ///< 0: none
  bool CodePoints = false; ///< columns count code points, not UTF-16 units
  std::string Snippet;     ///< region.snippet, when the SARIF has one

  std::string label() const {
    std::string S = Shown.empty() ? "(no location)" : Shown;
    if (Line) {
      S += ":" + std::to_string(Line);
      if (Column)
        S += ":" + std::to_string(Column);
    }
    return S;
  }
};

struct Step {
  Place Where;
  std::string Message;
};

struct RuleInfo {
  std::string Short;
  std::string HelpUri;
};

struct Entry {
  std::string Check;
  std::string Level;
  std::string Message;
  Place Where;
  std::string State; ///< "new", "known", or "" without a baseline
  /// Each thread flow of the result's codeFlows, in order; the steps are
  /// numbered as SARIF orders them.
  std::vector<std::vector<Step>> Flows;
  std::vector<Step> Notes; ///< relatedLocations, when there is no codeFlow
  RuleInfo Rule;

  std::string directory() const {
    const llvm::StringRef Parent = llvm::sys::path::parent_path(Where.Shown);
    return Parent.empty() ? "." : Parent.str();
  }
  auto key() const {
    return std::tie(Where.Shown, Where.Line, Where.Column, Check, Message,
                    State, Level);
  }
};

struct FailedUnit {
  std::string File;
  std::string Reason;
  std::string Details;
  bool operator<(const FailedUnit &O) const {
    return std::tie(File, Reason, Details) <
           std::tie(O.File, O.Reason, O.Details);
  }
};

struct ReportData {
  std::vector<Entry> Entries;
  std::set<FailedUnit> Failures;
  std::optional<size_t> TranslationUnits; ///< unknown unless every run says
  std::set<std::string> Models;
  std::set<std::string> Tools;
  std::set<std::string> SourceRoots;
  std::vector<std::string> InputNames;
  bool HasBaseline = false;
  size_t Absent = 0;     ///< baselineState "absent": fixed since the baseline
  size_t Suppressed = 0; ///< results with an accepted suppression
};

/// Turns SARIF runs into ReportData.
class SarifCollector {
public:
  SarifCollector(ReportData &Data, const HtmlOptions &Options)
      : Data(Data), Options(Options) {}

  /// Returns an error message, or "" when \p Doc is SARIF 2.1.0.
  std::string add(const SarifDocument &Input) {
    const json &Doc = Input.Document;
    const std::string Name =
        Input.Name.empty() ? "the run" : "'" + Input.Name + "'";
    if (!Doc.is_object() || !member(Doc, "runs") ||
        !member(Doc, "runs")->is_array())
      return Name + " is not a SARIF log (no \"runs\" array)";
    if (const std::string V = stringAt(Doc, "version"); V != "2.1.0")
      return Name + " is not SARIF 2.1.0 (version \"" + V + "\")";
    if (!Input.Name.empty())
      Data.InputNames.push_back(Input.Name);
    for (const json &Run : arrayAt(Doc, "runs"))
      addRun(Run);
    return "";
  }

private:
  ReportData &Data;
  const HtmlOptions &Options;

  // The run being read.
  std::map<std::string, std::string> Bases; ///< uriBaseId -> directory
  std::map<std::string, RuleInfo> RulesById;
  std::vector<std::string> RuleIds; ///< by ruleIndex
  std::vector<json> Artifacts;
  bool CodePoints = false;

  void addRun(const json &Run) {
    readBases(Run);
    readRules(Run);
    Artifacts.clear();
    for (const json &A : arrayAt(Run, "artifacts"))
      Artifacts.push_back(objectAt(A, "location"));
    CodePoints = stringAt(Run, "columnKind") == "unicodeCodePoints";

    const json &Tool = objectAt(objectAt(Run, "tool"), "driver");
    const std::string ToolName = stringAt(Tool, "name");
    if (!ToolName.empty()) {
      const std::string Version = stringAt(Tool, "version");
      Data.Tools.insert(ToolName + (Version.empty() ? "" : " " + Version));
    }
    for (const json &E : arrayAt(objectAt(Run, "tool"), "extensions")) {
      const std::string Version = stringAt(E, "version");
      if (const std::string N = stringAt(E, "name"); !N.empty())
        Data.Models.insert(Version.empty() ? N : (N + " ").append(Version));
    }

    for (const json &R : arrayAt(Run, "results"))
      addResult(R);
    readInvocations(Run);
  }

  void readBases(const json &Run) {
    Bases.clear();
    for (const auto &[Id, Base] : objectAt(Run, "originalUriBaseIds").items()) {
      const std::string Dir = Options.SourceRoot.empty()
                                  ? filePathOfUri(stringAt(Base, "uri"))
                                  : Options.SourceRoot;
      if (Dir.empty())
        continue;
      Bases[Id] = withTrailingSlash(Dir);
      Data.SourceRoots.insert(Bases[Id]);
    }
    if (!Options.SourceRoot.empty())
      Data.SourceRoots.insert(withTrailingSlash(Options.SourceRoot));
  }

  void readRules(const json &Run) {
    RulesById.clear();
    RuleIds.clear();
    auto Read = [&](const json &Component, bool Indexed) {
      for (const json &Rule : arrayAt(Component, "rules")) {
        std::string Id = stringAt(Rule, "id");
        if (Indexed)
          RuleIds.push_back(Id);
        RuleInfo Info{stringAt(objectAt(Rule, "shortDescription"), "text"),
                      stringAt(Rule, "helpUri")};
        RulesById.emplace(Id, std::move(Info));
      }
    };
    const json &Tool = objectAt(Run, "tool");
    Read(objectAt(Tool, "driver"), /*Indexed=*/true);
    for (const json &E : arrayAt(Tool, "extensions"))
      Read(E, /*Indexed=*/false);
  }

  Place place(const json &Location) {
    Place P;
    P.CodePoints = CodePoints;
    const json &Physical = objectAt(Location, "physicalLocation");
    json Artifact = objectAt(Physical, "artifactLocation");
    if (!member(Artifact, "uri"))
      if (const json *Index = member(Artifact, "index");
          Index && Index->is_number_unsigned() &&
          Index->get<size_t>() < Artifacts.size())
        Artifact = Artifacts[Index->get<size_t>()];
    const std::string Uri = stringAt(Artifact, "uri");
    const std::string BaseId = stringAt(Artifact, "uriBaseId");
    if (const std::string Path = filePathOfUri(Uri); !Path.empty()) {
      P.Path = Path;
      P.Shown = shownPath(Path);
    } else if (!hasScheme(Uri) && !Uri.empty()) {
      const std::string Relative = percentDecode(Uri);
      P.Shown = Relative;
      auto Base = Bases.find(BaseId);
      if (Base != Bases.end())
        P.Path = Base->second + Relative;
      else if (!Options.SourceRoot.empty())
        P.Path = withTrailingSlash(Options.SourceRoot) + Relative;
      else
        P.Path = Relative; // relative to the working directory
    } else {
      P.Shown = Uri; // another scheme: shown, not read
    }
    const json &Region = objectAt(Physical, "region");
    P.Line = unsignedAt(Region, "startLine");
    P.Column = unsignedAt(Region, "startColumn");
    if (P.Line && !P.Column)
      P.Column = 1;
    P.EndLine = unsignedAt(Region, "endLine");
    if (!P.EndLine)
      P.EndLine = P.Line;
    P.EndColumn = unsignedAt(Region, "endColumn");
    P.Snippet = stringAt(objectAt(Region, "snippet"), "text");
    return P;
  }

  std::string shownPath(const std::string &Path) const {
    for (const auto &[Id, Base] : Bases)
      if (llvm::StringRef(Path).starts_with(Base))
        return Path.substr(Base.size());
    return Path;
  }

  /// message.text (else its markdown), with {0}, {1}... replaced by the
  /// arguments.
  static std::string messageOf(const json &Message) {
    std::string Text = stringAt(Message, "text");
    if (Text.empty())
      Text = stringAt(Message, "markdown");
    const json &Arguments = arrayAt(Message, "arguments");
    for (size_t I = 0; I < Arguments.size(); ++I)
      if (Arguments[I].is_string())
        for (size_t At = 0; (At = Text.find("{" + std::to_string(I) + "}",
                                            At)) != std::string::npos;) {
          const std::string Value = Arguments[I].get<std::string>();
          Text.replace(At, std::to_string(I).size() + 2, Value);
          At += Value.size();
        }
    return Text;
  }

  static bool isSuppressed(const json &Result) {
    for (const json &S : arrayAt(Result, "suppressions")) {
      const std::string Status = stringAt(S, "status");
      if (Status.empty() || Status == "accepted")
        return true;
    }
    return false;
  }

  void addResult(const json &Result) {
    const std::string Kind = stringAt(Result, "kind");
    if (Kind == "pass" || Kind == "notApplicable")
      return;
    if (isSuppressed(Result)) {
      ++Data.Suppressed;
      return;
    }
    const std::string Baseline = stringAt(Result, "baselineState");
    if (!Baseline.empty())
      Data.HasBaseline = true;
    if (Baseline == "absent") {
      ++Data.Absent;
      return;
    }

    Entry E;
    E.Check = stringAt(Result, "ruleId");
    if (E.Check.empty())
      E.Check = stringAt(objectAt(Result, "rule"), "id");
    if (const unsigned Index = unsignedAt(Result, "ruleIndex");
        E.Check.empty() && member(Result, "ruleIndex") &&
        Index < RuleIds.size())
      E.Check = RuleIds[Index];
    if (E.Check.empty())
      E.Check = "(no rule)";
    if (auto It = RulesById.find(E.Check); It != RulesById.end())
      E.Rule = It->second;
    E.Level = stringAt(Result, "level");
    if (E.Level.empty())
      E.Level = "warning";
    E.Message = messageOf(objectAt(Result, "message"));
    if (!Baseline.empty())
      E.State = Baseline == "new" ? "new" : "known";
    const json &Locations = arrayAt(Result, "locations");
    if (!Locations.empty())
      E.Where = place(Locations[0]);

    for (const json &Flow : arrayAt(Result, "codeFlows"))
      for (const json &Thread : arrayAt(Flow, "threadFlows")) {
        std::vector<Step> Steps;
        for (const json &L : arrayAt(Thread, "locations")) {
          const json &Location = objectAt(L, "location");
          Steps.push_back(
              {place(Location), messageOf(objectAt(Location, "message"))});
        }
        if (!Steps.empty())
          E.Flows.push_back(std::move(Steps));
      }
    if (E.Flows.empty())
      for (const json &Related : arrayAt(Result, "relatedLocations"))
        E.Notes.push_back(
            {place(Related), messageOf(objectAt(Related, "message"))});
    Data.Entries.push_back(std::move(E));
  }

  /// The number of translation units is the run's "translationUnits"
  /// property; failed ones are error notifications "file: reason",
  /// followed by the compiler's output.
  void readInvocations(const json &Run) {
    const json &Properties = objectAt(Run, "properties");
    if (!member(Properties, "translationUnits"))
      Data.TranslationUnits.reset();
    else if (Data.TranslationUnits)
      *Data.TranslationUnits += unsignedAt(Properties, "translationUnits");
    for (const json &Invocation : arrayAt(Run, "invocations"))
      for (const json &N : arrayAt(Invocation, "toolExecutionNotifications")) {
        if (stringAt(N, "level") != "error")
          continue;
        const std::string Text = messageOf(objectAt(N, "message"));
        auto [Summary, Details] = llvm::StringRef(Text).split('\n');
        FailedUnit F;
        const json &Locations = arrayAt(N, "locations");
        if (!Locations.empty())
          F.File = place(Locations[0]).Shown;
        llvm::StringRef Reason = Summary;
        if (!F.File.empty())
          Reason.consume_front(F.File + ": ");
        F.Reason = Reason.str();
        F.Details = Details.str();
        Data.Failures.insert(std::move(F));
      }
  }
};

//===----------------------------------------------------------------------===//
// The page
//===----------------------------------------------------------------------===//

/// A file of report/html/assets by name: "style", "script".
llvm::StringRef asset(llvm::StringRef Name) {
  for (const EmbeddedFile &F : htmlAssets())
    if (F.Name == Name)
      return F.Text;
  llvm_unreachable("not a file of report/html/assets");
}

/// The text of the page's one script element; the policy allows exactly
/// this text, by its hash.
const std::string &scriptText() {
  static const std::string Text = "\n" + asset("script").str();
  return Text;
}

/// Distinct colours for the checks, in the order of their ids.
constexpr std::array<llvm::StringLiteral, 8> Palette = {
    "#0a6bb0", "#c2410c", "#047857", "#a3367f",
    "#8a6100", "#4b5fb8", "#5f6b7a", "#0f766e"};

/// Lines shown above and below a finding's line.
constexpr unsigned ContextLines = 3;
/// Path steps in the same file at most this far away are shown in the
/// excerpt itself, marked with their numbers.
constexpr unsigned StepReach = 10;

struct Counted {
  std::string Name;
  size_t Count = 0;
};

class HtmlWriter {
public:
  HtmlWriter(const ReportData &Data, const HtmlOptions &Options,
             llvm::raw_ostream &OS)
      : Data(Data), Options(Options), OS(OS) {
    std::map<std::string, size_t> ByCheck;
    std::map<std::string, size_t> ByDirectory;
    for (const Entry &E : Data.Entries) {
      ++ByCheck[E.Check];
      ++ByDirectory[E.directory()];
      if (E.State == "new")
        ++New;
      if (!E.Where.Shown.empty())
        Files.insert(E.Where.Shown);
      Rules.emplace(E.Check, E.Rule);
    }
    for (const auto &[Name, Count] : ByCheck) {
      CheckIndex[Name] = Checks.size();
      Checks.push_back({Name, Count});
    }
    for (const auto &[Name, Count] : ByDirectory) {
      DirectoryIndex[Name] = Directories.size();
      Directories.push_back({Name, Count});
    }
  }

  void write() {
    OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
          "charset=\"utf-8\">\n"
       << R"(<meta http-equiv="Content-Security-Policy" content=")"
       << contentSecurityPolicy() << "\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n"
       << R"(<meta name="generator" content="cancellint )" << CANCELLINT_VERSION
       << "\">\n<title>" << escapeHtml(Options.Title) << "</title>\n<style>\n"
       << asset("style") << checkColours() << noScriptFilters() << "</style>\n"
       << "</head>\n<body>\n<main>\n";
    writeHeader();
    writeSummary();
    writeFindings();
    OS << "<footer class=\"page\">Rendered by cancellint " << CANCELLINT_VERSION
       << ". Source excerpts were read when the report was rendered.</footer>\n"
       << "</main>\n<script>" << scriptText()
       << "</script>\n</body>\n</html>\n";
  }

private:
  const ReportData &Data;
  const HtmlOptions &Options;
  llvm::raw_ostream &OS;
  SourceLines Sources;
  std::vector<Counted> Checks;      ///< sorted by id
  std::vector<Counted> Directories; ///< sorted by name
  std::map<std::string, size_t> CheckIndex;
  std::map<std::string, size_t> DirectoryIndex;
  std::map<std::string, RuleInfo> Rules;
  std::set<std::string> Files;
  size_t New = 0;

  /// Nothing is loaded from anywhere; the one script runs by its hash.
  static std::string contentSecurityPolicy() {
    const llvm::StringRef Text(scriptText());
    const std::array<uint8_t, 32> Hash =
        llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(
            reinterpret_cast<const uint8_t *>(Text.data()), Text.size()));
    return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           "script-src 'sha256-" +
           llvm::encodeBase64(Hash) + "'; base-uri 'none'; form-action 'none'";
  }

  std::string checkColours() const {
    std::string Css;
    for (size_t I = 0; I < Checks.size(); ++I)
      Css += ".k" + std::to_string(I) +
             "{--k:" + Palette[I % Palette.size()].str() + "}\n";
    return Css;
  }

  /// Without JavaScript the filters still work, in CSS: an unchecked box
  /// hides the findings it stands for. The script takes over when it runs.
  std::string noScriptFilters() const {
    std::string Css;
    auto Rule = [&](const std::string &Box, const std::string &Attribute) {
      Css += "html:not(.js) body:has(#" + Box + ":not(:checked)) .finding[" +
             Attribute + "]{display:none}\n";
    };
    for (size_t I = 0; I < Checks.size(); ++I)
      Rule("f-c-" + std::to_string(I), "data-c=\"" + std::to_string(I) + "\"");
    for (size_t I = 0; I < Directories.size(); ++I)
      Rule("f-d-" + std::to_string(I), "data-d=\"" + std::to_string(I) + "\"");
    if (Data.HasBaseline)
      for (const char *S : {"new", "known"})
        Rule(std::string("f-s-") + S, std::string("data-s=\"") + S + "\"");
    return Css;
  }

  void writeHeader() {
    OS << "<header>\n<h1>" << escapeHtml(Options.Title) << "</h1>\n";
    if (!Data.Tools.empty()) {
      OS << "<p class=\"meta\">Analysed by ";
      writeList(Data.Tools);
      OS << "</p>\n";
    }
    if (!Data.InputNames.empty()) {
      OS << "<p class=\"meta\">From ";
      writeList(Data.InputNames);
      OS << "</p>\n";
    }
    if (!Data.SourceRoots.empty()) {
      OS << "<p class=\"meta\">Sources in ";
      writeList(Data.SourceRoots);
      OS << "</p>\n";
    }
    OS << "</header>\n";
  }

  template <typename Range> void writeList(const Range &Items) {
    bool First = true;
    for (const std::string &Item : Items) {
      OS << (First ? "" : ", ") << "<span class=\"mono\">" << escapeHtml(Item)
         << "</span>";
      First = false;
    }
  }

  /// A number with what it counts; the details (each with its own
  /// data-stat) go in a smaller line below.
  void tile(const char *Stat, const std::string &Value, const char *Label,
            const std::string &Details = "", bool Bad = false) {
    OS << "<div class=\"tile" << (Bad ? " bad" : "") << "\" data-stat=\""
       << Stat << R"("><span class="value">)" << escapeHtml(Value)
       << "</span><span class=\"label\">" << Label << "</span>";
    if (!Details.empty())
      OS << "<span class=\"sub\">" << Details << "</span>";
    OS << "</div>\n";
  }

  static std::string detail(const char *Stat, size_t Value, const char *Label,
                            bool Bad = false) {
    return std::string("<span data-stat=\"") + Stat + "\"" +
           (Bad ? " class=\"bad\"" : "") + "><span class=\"value\">" +
           std::to_string(Value) + "</span> " + Label + "</span>";
  }

  void writeSummary() {
    OS << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
       << "<h2 id=\"summary-h\">Summary</h2>\n<div class=\"tiles\">\n";
    const size_t Total = Data.Entries.size();
    std::string Details;
    if (Data.HasBaseline)
      Details = detail("new", New, "new", New != 0) + ", " +
                detail("known", Total - New, "known") + ", " +
                detail("absent", Data.Absent, "fixed") + " since the baseline";
    if (Data.Suppressed)
      Details += (Details.empty() ? "" : "; ") +
                 detail("suppressed", Data.Suppressed, "suppressed");
    tile("findings", std::to_string(Total), Total == 1 ? "finding" : "findings",
         Details);
    tile("checks", std::to_string(Checks.size()),
         Checks.size() == 1 ? "check with findings" : "checks with findings");
    tile("files", std::to_string(Files.size()),
         Files.size() == 1 ? "file with findings" : "files with findings");
    const size_t Failed = failedUnits();
    const std::string FailedDetail =
        detail("failed", Failed, "not fully analysed", Failed != 0);
    if (Data.TranslationUnits)
      tile("analysed",
           std::to_string(*Data.TranslationUnits -
                          std::min(Failed, *Data.TranslationUnits)) +
               " / " + std::to_string(*Data.TranslationUnits),
           "translation units fully analysed", FailedDetail, Failed != 0);
    else
      tile("analysed", "?", "translation units (not recorded in the SARIF)",
           FailedDetail, Failed != 0);
    OS << "</div>\n";

    if (!Data.Entries.empty()) {
      OS << "<div class=\"charts\">\n";
      writeChart("checks", "Findings per check", "c", Checks,
                 /*Coloured=*/true);
      writeChart("directories", "Findings per directory", "d", Directories,
                 /*Coloured=*/false);
      OS << "</div>\n";
    }
    writeFailures();
    if (!Data.Models.empty()) {
      OS << R"(<div class="box" id="models"><h3>Models used</h3>)";
      writeList(Data.Models);
      OS << "</div>\n";
    }
    OS << "</section>\n";
  }

  /// "src/", and "./" for the top: clearly directories, not files.
  static std::string directoryLabel(const std::string &Directory) {
    return Directory == "." ? "./" : Directory + "/";
  }

  size_t failedUnits() const {
    std::set<std::string> Names;
    for (const FailedUnit &F : Data.Failures)
      Names.insert(F.File.empty() ? F.Reason : F.File);
    return Names.size();
  }

  /// A small bar chart: a table with one inline SVG bar per row, so it
  /// needs no script and prints as drawn.
  void writeChart(const char *Id, const char *Caption, const char *Group,
                  const std::vector<Counted> &Rows, bool Coloured) {
    size_t Max = 1;
    for (const Counted &R : Rows)
      Max = std::max(Max, R.Count);
    OS << R"(<table class="chart" id="chart-)" << Id << "\">\n<caption>"
       << Caption << "</caption>\n<tbody>\n";
    for (size_t I = 0; I < Rows.size(); ++I) {
      const Counted &R = Rows[I];
      // The bar's length in percent of the longest, to one decimal.
      const size_t Tenths = (R.Count * 1000 + Max / 2) / Max;
      const std::string Width =
          std::to_string(Tenths / 10) + "." + std::to_string(Tenths % 10);
      const llvm::StringRef Colour =
          Coloured ? llvm::StringRef(Palette[I % Palette.size()]) : "#5b7fa6";
      OS << "<tr data-key=\"" << escapeHtml(R.Name) << R"("><th scope="row")";
      if (Coloured)
        if (const std::string &Short = Rules.at(R.Name).Short; !Short.empty())
          OS << " title=\"" << escapeHtml(Short) << "\"";
      OS << ">";
      if (Coloured)
        OS << "<span class=\"sw k" << I << "\"></span>";
      OS << R"(<a class="mono" href="#findings" data-only=")" << Group
         << "\" data-value=\"" << I << "\">"
         << escapeHtml(Coloured ? R.Name : directoryLabel(R.Name))
         << "</a></th><td><svg viewBox=\"0 0 100 10\" "
            "preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect "
            "class=\"bar-bg\" width=\"100\" height=\"10\"/><rect width=\""
         << Width << R"(" height="10" fill=")" << Colour
         << R"("/></svg></td><td class="num">)" << R.Count << "</td></tr>\n";
    }
    OS << "</tbody></table>\n";
  }

  void writeFailures() {
    if (Data.Failures.empty())
      return;
    OS << "<div class=\"box\" id=\"failures\"><h3>Translation units not fully "
          "analysed</h3>\n<p class=\"meta\">Findings in them may be missing."
          "</p>\n<ul>\n";
    for (const FailedUnit &F : Data.Failures) {
      OS << "<li><span class=\"mono\">" << escapeHtml(F.File) << "</span>"
         << (F.File.empty() ? "" : ": ") << escapeHtml(F.Reason);
      if (!F.Details.empty())
        OS << "<details><summary>details</summary><pre>"
           << escapeHtml(F.Details) << "</pre></details>";
      OS << "</li>\n";
    }
    OS << "</ul></div>\n";
  }

  void checkbox(const char *Group, const std::string &Value,
                const std::string &Label, size_t Count,
                const std::string &Swatch = "") {
    const std::string Id = std::string("f-") + Group + "-" + Value;
    OS << "<label for=\"" << Id << R"("><input type="checkbox" id=")" << Id
       << "\" name=\"" << Group << "\" value=\"" << Value << "\" checked>";
    if (!Swatch.empty())
      OS << "<span class=\"sw " << Swatch << "\"></span>";
    OS << "<span class=\"mono\">" << escapeHtml(Label) << "</span><span "
       << "class=\"n\">" << Count << "</span></label>\n";
  }

  void groupButtons(const char *Group) {
    OS << R"(<button type="button" class="js-only" data-group=")" << Group
       << "\" data-set=\"all\">all</button><button type=\"button\" "
          "class=\"js-only\" data-group=\""
       << Group << R"(" data-set="none">none</button>)";
  }

  void writeFilters() {
    OS << "<div class=\"box\" id=\"filters\" role=\"group\" "
          "aria-label=\"Filters\">\n<div class=\"filters\">\n"
       << "<fieldset><legend>Check";
    groupButtons("c");
    OS << "</legend><div class=\"opts\">\n";
    for (size_t I = 0; I < Checks.size(); ++I)
      checkbox("c", std::to_string(I), Checks[I].Name, Checks[I].Count,
               "k" + std::to_string(I));
    OS << "</div></fieldset>\n<fieldset><legend>Directory";
    groupButtons("d");
    OS << "</legend><div class=\"opts\">\n";
    for (size_t I = 0; I < Directories.size(); ++I)
      checkbox("d", std::to_string(I), directoryLabel(Directories[I].Name),
               Directories[I].Count);
    OS << "</div></fieldset>\n";
    if (Data.HasBaseline) {
      OS << "<fieldset><legend>Baseline</legend><div class=\"opts\">\n";
      checkbox("s", "new", "new", New);
      checkbox("s", "known", "known", Data.Entries.size() - New);
      OS << "</div></fieldset>\n";
    }
    OS << "</div>\n<p class=\"shown js-only\" aria-live=\"polite\">Showing "
          "<b id=\"shown\">"
       << Data.Entries.size() << "</b> of " << Data.Entries.size()
       << " findings. <button type=\"button\" id=\"reset\">show all</button>"
          "</p>\n</div>\n";
  }

  void writeFindings() {
    OS << "<section id=\"findings\" aria-labelledby=\"findings-h\">\n"
       << "<h2 id=\"findings-h\">Findings</h2>\n";
    if (Data.Entries.empty()) {
      OS << "<p class=\"empty\">No findings.</p>\n</section>\n";
      return;
    }
    writeFilters();
    OS << "<p id=\"none-shown\" class=\"empty\" hidden>No finding matches the "
          "filters.</p>\n";
    for (size_t I = 0; I < Data.Entries.size(); ++I)
      writeEntry(Data.Entries[I], I + 1);
    OS << "</section>\n";
  }

  void writeEntry(const Entry &E, size_t Number) {
    const size_t Check = CheckIndex.at(E.Check);
    const bool Error = E.Level == "error";
    OS << "<article class=\"finding" << (Error ? " error" : "") << "\" id=\"f"
       << Number << "\" data-c=\"" << Check << "\" data-d=\""
       << DirectoryIndex.at(E.directory()) << "\"";
    if (!E.State.empty())
      OS << " data-s=\"" << E.State << "\"";
    OS << " data-line=\"" << E.Where.Line << "\">\n<header><a class=\"idx\" "
       << "href=\"#f" << Number << "\">#" << Number << "</a>"
       << "<span class=\"level\">" << escapeHtml(E.Level) << "</span>"
       << "<span class=\"check k" << Check << "\">" << escapeHtml(E.Check)
       << "</span><span class=\"loc\">" << escapeHtml(E.Where.label())
       << "</span>";
    if (!E.State.empty())
      OS << "<span class=\"badge " << E.State << "\">" << E.State << "</span>";
    OS << "</header>\n<p class=\"msg\">" << escapeHtml(E.Message) << "</p>\n";
    const std::set<size_t> Marked = writeExcerpt(E);
    writePath(E, Marked);
    writeFix(E);
    OS << "</article>\n";
  }

  /// Why the source line of \p P cannot be shown ("" when there is nothing
  /// to say); nullopt when it can.
  std::optional<std::string> unavailable(const Place &P) {
    if (!P.Line)
      return std::string(P.Shown.empty() ? "No source location." : "");
    if (P.Path.empty())
      return "Source not available: '" + P.Shown + "' is not a local file.";
    if (const std::string Error = Sources.readError(P.Path); !Error.empty())
      return "Source not available: cannot read '" + P.Path + "' (" + Error +
             ").";
    if (const unsigned Count = Sources.lineCount(P.Path); P.Line > Count)
      return "Source not available: '" + P.Path + "' has no line " +
             std::to_string(P.Line) + " (it has " + std::to_string(Count) +
             "); it changed since the analysis.";
    return std::nullopt;
  }

  /// The primary line, with the finding's columns marked.
  std::string markedLine(const Place &P, llvm::StringRef Text) {
    const size_t Begin = byteOffsetOfColumn(Text, P.Column, P.CodePoints);
    size_t End = Begin;
    if (P.EndLine == P.Line && P.EndColumn > P.Column)
      End = byteOffsetOfColumn(Text, P.EndColumn, P.CodePoints);
    else if (Begin < Text.size() && isIdentifierByte(Text[Begin]))
      while (End < Text.size() && isIdentifierByte(Text[End]))
        ++End;
    else if (Begin < Text.size())
      End =
          std::min(Text.size(),
                   Begin + std::max(1u, llvm::getNumBytesForUTF8(Text[Begin])));
    if (End <= Begin)
      return escapeHtml(Text);
    return escapeHtml(Text.take_front(Begin)) + "<mark>" +
           escapeHtml(Text.slice(Begin, End)) + "</mark>" +
           escapeHtml(Text.drop_front(End));
  }

  /// One source line; \p Markers: the numbers of the path steps on it,
  /// in a gutter that excerpts have and single step lines do not.
  void writeLine(unsigned Number, const std::string &Html, bool Highlight,
                 const std::vector<size_t> *Markers) {
    OS << "<div class=\"l" << (Highlight ? " hl" : "") << "\" data-ln=\""
       << Number << "\">";
    if (Markers) {
      OS << "<span class=\"g\">";
      for (const size_t M : *Markers)
        OS << "<span class=\"mk\">" << M << "</span>";
      OS << "</span>";
    }
    OS << Html << "</div>";
  }

  /// The finding's line and a few around it. Returns the numbers of the
  /// path steps that are marked in it.
  std::set<size_t> writeExcerpt(const Entry &E) {
    const Place &P = E.Where;
    std::set<size_t> Marked;
    if (const std::optional<std::string> Why = unavailable(P)) {
      if (!Why->empty())
        OS << "<p class=\"nosrc\">" << escapeHtml(*Why) << "</p>\n";
      if (P.Line && !P.Snippet.empty()) {
        OS << "<div class=\"src\">";
        const std::vector<size_t> NoMarkers;
        writeLine(P.Line, escapeHtml(llvm::StringRef(P.Snippet).rtrim("\r\n")),
                  true, &NoMarkers);
        OS << "</div>\n";
      }
      return Marked;
    }
    // Steps in this file near the finding are marked in the excerpt.
    std::map<unsigned, std::vector<size_t>> Markers;
    unsigned Low = P.Line > ContextLines ? P.Line - ContextLines : 1;
    unsigned High = P.Line + ContextLines;
    if (E.Flows.size() == 1)
      for (size_t I = 0; I < E.Flows[0].size(); ++I) {
        const Place &S = E.Flows[0][I].Where;
        if (S.Path != P.Path || !S.Line ||
            (S.Line > P.Line ? S.Line - P.Line : P.Line - S.Line) > StepReach)
          continue;
        Markers[S.Line].push_back(I + 1);
        Marked.insert(I + 1);
        Low = std::min(Low, S.Line > 1 ? S.Line - 1 : 1);
        High = std::max(High, S.Line + 1);
      }
    High = std::min(High, Sources.lineCount(P.Path));
    OS << "<div class=\"src\">";
    for (unsigned L = Low; L <= High; ++L) {
      const llvm::StringRef Text = Sources.line(P.Path, L);
      writeLine(L, L == P.Line ? markedLine(P, Text) : escapeHtml(Text),
                L == P.Line, &Markers[L]);
    }
    OS << "</div>\n";
    return Marked;
  }

  /// A path step or note; its line too, unless the excerpt shows it.
  void writeStep(const Step &S, bool InExcerpt) {
    OS << "<li><span class=\"loc\">" << escapeHtml(S.Where.label())
       << "</span> " << escapeHtml(S.Message);
    if (!InExcerpt && !unavailable(S.Where)) {
      OS << "<div class=\"src\">";
      writeLine(S.Where.Line,
                escapeHtml(Sources.line(S.Where.Path, S.Where.Line)), false,
                nullptr);
      OS << "</div>";
    }
    OS << "</li>\n";
  }

  void writePath(const Entry &E, const std::set<size_t> &Marked) {
    for (size_t F = 0; F < E.Flows.size(); ++F) {
      OS << "<div class=\"path\"><h3>Path";
      if (E.Flows.size() > 1)
        OS << " " << F + 1 << " of " << E.Flows.size();
      OS << "</h3><ol>\n";
      for (size_t I = 0; I < E.Flows[F].size(); ++I)
        writeStep(E.Flows[F][I], E.Flows.size() == 1 && Marked.count(I + 1));
      OS << "</ol></div>\n";
    }
    if (!E.Notes.empty()) {
      OS << "<div class=\"path\"><h3>Notes</h3><ul>\n";
      for (const Step &S : E.Notes)
        writeStep(S, /*InExcerpt=*/false);
      OS << "</ul></div>\n";
    }
  }

  void writeFix(const Entry &E) {
    OS << "<div class=\"fix\">";
    if (auto Link = safeLink(E.Rule.HelpUri))
      OS << R"(<span><a class="doc" href=")" << *Link
         << R"(" rel="noopener noreferrer">)" << escapeHtml(E.Check)
         << " documentation</a>"
         << (E.Rule.Short.empty() ? "" : ": " + escapeHtml(E.Rule.Short))
         << "</span>";
    OS << "<span>Suppress with <code class=\"nolint\">// NOLINT("
       << escapeHtml(E.Check) << ")</code>";
    if (E.Where.Line)
      OS << " at the end of line " << E.Where.Line;
    OS << "</span></div>\n";
  }
};

} // namespace

std::string writeHtmlReport(const std::vector<SarifDocument> &Inputs,
                            const HtmlOptions &Options, llvm::raw_ostream &OS) {
  ReportData Data;
  Data.TranslationUnits = 0;
  SarifCollector Collector(Data, Options);
  for (const SarifDocument &Input : Inputs)
    if (std::string Error = Collector.add(Input); !Error.empty())
      return Error;

  // CI shards may report the same header finding: show it once.
  std::sort(Data.Entries.begin(), Data.Entries.end(),
            [](const Entry &A, const Entry &B) { return A.key() < B.key(); });
  Data.Entries.erase(std::unique(Data.Entries.begin(), Data.Entries.end(),
                                 [](const Entry &A, const Entry &B) {
                                   return A.key() == B.key();
                                 }),
                     Data.Entries.end());
  HtmlWriter(Data, Options, OS).write();
  return "";
}

void writeHtml(const RunReport &Report, llvm::raw_ostream &OS) {
  std::string Sarif;
  llvm::raw_string_ostream SarifOS(Sarif);
  writeSarif(Report, SarifOS);
  SarifOS.flush();
  const std::vector<SarifDocument> Inputs{
      {"", json::parse(Sarif, nullptr, /*allow_exceptions=*/false)}};
  (void)writeHtmlReport(Inputs, HtmlOptions(), OS);
}

static constexpr llvm::StringLiteral ReportUsage =
    "usage: cancellint report <in.sarif>... [-o <report.html>] "
    "[--source-root=<dir>] [--title=<text>]\n"
    "\n"
    "Renders SARIF files (several: CI shards) as one self-contained HTML "
    "page.\n"
    "  -o <file>             write the page here (default: stdout)\n"
    "  --source-root=<dir>   read the sources from <dir>, not from the "
    "SARIF's SRCROOT\n"
    "  --title=<text>        the page's title\n"
    "  -                     read a SARIF file from stdin\n";

int runReportCommand(llvm::ArrayRef<const char *> Args) {
  auto Fail = [](const std::string &Message) {
    llvm::errs() << "cancellint report: error: " << Message << "\n";
    return 2;
  };
  std::vector<std::string> Names;
  std::string OutputPath;
  HtmlOptions Html;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A(Args[I]);
    // "-o x", "-o=x", "--title x", "--title=x"...
    auto Value = [&](llvm::StringRef Flag, std::string &Out) {
      if (A == Flag && I + 1 < Args.size()) {
        Out = Args[++I];
        return true;
      }
      if (A.consume_front(Flag) && A.consume_front("=")) {
        Out = A.str();
        return true;
      }
      return false;
    };
    if (A == "-h" || A == "--help" || A == "-help") {
      llvm::outs() << ReportUsage;
      return 0;
    }
    if (Value("-o", OutputPath) || Value("--source-root", Html.SourceRoot) ||
        Value("-source-root", Html.SourceRoot) ||
        Value("--title", Html.Title) || Value("-title", Html.Title))
      continue;
    if (A.starts_with("-") && A != "-")
      return Fail("unknown option '" + A.str() + "'\n" + ReportUsage.str());
    Names.push_back(A.str());
  }
  if (Names.empty())
    return Fail("no input: give one or more SARIF files\n" + ReportUsage.str());

  std::vector<SarifDocument> Inputs;
  for (const std::string &Name : Names) {
    auto Buffer = llvm::MemoryBuffer::getFileOrSTDIN(Name, /*IsText=*/true);
    if (!Buffer)
      return Fail("cannot read '" + Name + "': " + Buffer.getError().message());
    json Doc = json::parse((*Buffer)->getBuffer(), nullptr,
                           /*allow_exceptions=*/false);
    if (Doc.is_discarded())
      return Fail("'" + Name + "' is not JSON");
    Inputs.push_back({Name, std::move(Doc)});
  }
  if (!Html.SourceRoot.empty()) {
    llvm::SmallString<256> Root(Html.SourceRoot);
    if (const std::error_code EC = llvm::sys::fs::make_absolute(Root))
      return Fail("bad --source-root '" + Html.SourceRoot +
                  "': " + EC.message());
    llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
    Html.SourceRoot = std::string(Root);
  }
  std::string Page;
  llvm::raw_string_ostream PageOS(Page);
  if (const std::string Error = writeHtmlReport(Inputs, Html, PageOS);
      !Error.empty())
    return Fail(Error);
  PageOS.flush();
  if (OutputPath.empty()) {
    llvm::outs() << Page;
    llvm::outs().flush();
    return 0;
  }
  if (const std::string Error = writeFileAtomically(OutputPath, Page);
      !Error.empty())
    return Fail(Error);
  return 0;
}

} // namespace cancellint::tool
