//===--- SarifResults.cpp - Any tool's SARIF, read for the HTML report ---===//
#include "input/SarifResults.h"
#include "input/SarifInput.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

namespace cancellint::tool {

using nlohmann::json;

std::string Place::label() const {
  std::string S = Shown.empty() ? "(no location)" : Shown;
  if (Line) {
    S += ":" + std::to_string(Line);
    if (Column)
      S += ":" + std::to_string(Column);
  }
  return S;
}

std::string Entry::directory() const {
  const llvm::StringRef Parent = llvm::sys::path::parent_path(Where.Shown);
  return Parent.empty() ? "." : Parent.str();
}

namespace {

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

/// Turns SARIF runs into SarifResults.
class SarifCollector {
public:
  SarifCollector(SarifResults &Data, const std::string &SourceRoot)
      : Data(Data), SourceRoot(SourceRoot) {}

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
  SarifResults &Data;
  const std::string &SourceRoot;

  // The run being read.
  std::map<std::string, std::string> Bases; ///< uriBaseId -> directory
  std::map<std::string, RuleInfo> RulesById;
  /// A rule's messageStrings, then the driver's globalMessageStrings: what
  /// a message given by "id" says.
  std::map<std::string, json> MessageStrings;
  json GlobalMessageStrings;
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
    readRunContext(Run);
  }

  void readBases(const json &Run) {
    Bases.clear();
    for (const auto &[Id, Base] : objectAt(Run, "originalUriBaseIds").items()) {
      const std::string Dir = SourceRoot.empty()
                                  ? filePathOfUri(stringAt(Base, "uri"))
                                  : SourceRoot;
      if (Dir.empty())
        continue;
      Bases[Id] = withTrailingSlash(Dir);
      Data.SourceRoots.insert(Bases[Id]);
    }
    if (!SourceRoot.empty())
      Data.SourceRoots.insert(withTrailingSlash(SourceRoot));
  }

  void readRules(const json &Run) {
    RulesById.clear();
    RuleIds.clear();
    MessageStrings.clear();
    GlobalMessageStrings =
        objectAt(objectAt(objectAt(Run, "tool"), "driver"),
                 "globalMessageStrings");
    auto Read = [&](const json &Component, bool Indexed) {
      for (const json &Rule : arrayAt(Component, "rules")) {
        std::string Id = stringAt(Rule, "id");
        if (Indexed)
          RuleIds.push_back(Id);
        RuleInfo Info{stringAt(objectAt(Rule, "shortDescription"), "text"),
                      stringAt(Rule, "helpUri")};
        MessageStrings.emplace(Id, objectAt(Rule, "messageStrings"));
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
      else if (!SourceRoot.empty())
        P.Path = withTrailingSlash(SourceRoot) + Relative;
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
    P.PointColumn = unsignedAt(objectAt(Region, "properties"), "column");
    P.Snippet = stringAt(objectAt(Region, "snippet"), "text");
    return P;
  }

  std::string shownPath(const std::string &Path) const {
    for (const auto &[Id, Base] : Bases)
      if (llvm::StringRef(Path).starts_with(Base))
        return Path.substr(Base.size());
    return Path;
  }

  /// message.text (else its markdown; else the string its "id" names in
  /// the rule's messageStrings or the driver's globalMessageStrings), with
  /// {0}, {1}... replaced by the arguments.
  std::string messageOf(const json &Message,
                        const std::string &RuleId = "") const {
    std::string Text = stringAt(Message, "text");
    if (Text.empty())
      Text = stringAt(Message, "markdown");
    if (const std::string Id = stringAt(Message, "id");
        Text.empty() && !Id.empty()) {
      const json *Strings = nullptr;
      if (auto It = MessageStrings.find(RuleId);
          It != MessageStrings.end() && member(It->second, Id.c_str()))
        Strings = &It->second;
      else if (member(GlobalMessageStrings, Id.c_str()))
        Strings = &GlobalMessageStrings;
      if (Strings) {
        const json &String = objectAt(*Strings, Id.c_str());
        Text = stringAt(String, "text");
        if (Text.empty())
          Text = stringAt(String, "markdown");
      }
    }
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
    E.Message = messageOf(objectAt(Result, "message"), E.Check);
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
    for (const json &Fix : arrayAt(Result, "fixes"))
      E.Fixes.push_back(fix(Fix));
    Data.Entries.push_back(std::move(E));
  }

  FixInfo fix(const json &Fix) {
    FixInfo F;
    F.Description = messageOf(objectAt(Fix, "description"));
    const json *Review =
        member(objectAt(Fix, "properties"), "reviewBeforeApplying");
    F.ReviewBeforeApplying = Review && Review->is_boolean() && Review->get<bool>();
    for (const json &Change : arrayAt(Fix, "artifactChanges")) {
      json Location = {{"physicalLocation",
                        {{"artifactLocation",
                          objectAt(Change, "artifactLocation")}}}};
      for (const json &R : arrayAt(Change, "replacements")) {
        Location["physicalLocation"]["region"] = objectAt(R, "deletedRegion");
        F.Edits.push_back(
            {place(Location),
             stringAt(objectAt(R, "insertedContent"), "text")});
      }
    }
    return F;
  }

  /// cancellint's run context: what ran, on which revision.
  void readRunContext(const json &Run) {
    RunInfo &Info = Data.Run;
    for (const json &Invocation : arrayAt(Run, "invocations")) {
      const std::string Start = stringAt(Invocation, "startTimeUtc");
      const std::string End = stringAt(Invocation, "endTimeUtc");
      if (!Start.empty() && (Info.StartTime.empty() || Start < Info.StartTime))
        Info.StartTime = Start;
      if (End > Info.EndTime)
        Info.EndTime = End;
    }
    const json *Context = member(objectAt(Run, "properties"), "runContext");
    if (!Context || !Context->is_object())
      return;
    Info.Known = true;
    auto Strings = [](const json &Array, std::set<std::string> &Into) {
      for (const json &S : Array.is_array() ? Array : json::array())
        if (S.is_string())
          Into.insert(S.get<std::string>());
    };
    if (member(*Context, "enabledChecks"))
      Info.ChecksKnown = true;
    Strings(arrayAt(*Context, "enabledChecks"), Info.Checks);
    const json &Models = objectAt(*Context, "models");
    Strings(arrayAt(Models, "libraries"), Info.Libraries);
    for (const json &F : arrayAt(Models, "files"))
      if (const std::string Path = stringAt(F, "path"); !Path.empty()) {
        std::string Shown = Path;
        if (const std::string From = stringAt(F, "from"); !From.empty())
          Shown.append(" (").append(From).append(")");
        Info.ModelFiles.insert(std::move(Shown));
      }
    for (const auto &[Name, Value] : objectAt(*Context, "options").items())
      if (Value.is_string())
        Info.Options.insert("--" + Name + "=" + Value.get<std::string>());
    const json &Git = objectAt(*Context, "git");
    if (const std::string Commit = stringAt(Git, "commit"); !Commit.empty())
      Info.GitCommits.insert(Commit);
    if (const json *Dirty = member(Git, "dirty"); Dirty && Dirty->is_boolean())
      Info.GitDirty |= Dirty->get<bool>();
    const json &Baseline = objectAt(*Context, "baseline");
    if (const std::string File = stringAt(Baseline, "file"); !File.empty())
      Info.Baselines.insert(File + " (" +
                            std::to_string(unsignedAt(Baseline, "findings")) +
                            " findings recorded)");
    Strings(arrayAt(*Context, "shards"), Info.Shards);
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

/// What tells two results apart on the page.
auto key(const Entry &E) {
  return std::tie(E.Where.Shown, E.Where.Line, E.Where.Column, E.Check,
                  E.Message, E.State, E.Level);
}

} // namespace

std::string readSarifResults(const std::vector<SarifDocument> &Inputs,
                             const std::string &SourceRoot,
                             SarifResults &Results) {
  SarifCollector Collector(Results, SourceRoot);
  for (const SarifDocument &Input : Inputs)
    if (std::string Error = Collector.add(Input); !Error.empty())
      return Error;

  // CI shards may report the same header finding: show it once.
  std::sort(Results.Entries.begin(), Results.Entries.end(),
            [](const Entry &A, const Entry &B) { return key(A) < key(B); });
  Results.Entries.erase(std::unique(Results.Entries.begin(),
                                    Results.Entries.end(),
                                    [](const Entry &A, const Entry &B) {
                                      return key(A) == key(B);
                                    }),
                        Results.Entries.end());
  return "";
}

} // namespace cancellint::tool
