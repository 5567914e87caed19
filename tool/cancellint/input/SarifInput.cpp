//===--- SarifInput.cpp - Reading cancellint's SARIF back ----------------===//
//
// `cancellint merge` combines the SARIF of CI shards into what one run would
// have written. That works because the writer is lossless for everything a
// report holds: regions carry byte offsets and the line's text (from which
// UTF-16 columns convert back), fixes carry byte offsets and lengths.
//
//===----------------------------------------------------------------------===//
#include "input/SarifInput.h"
#include "SourceLines.h"

#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>

namespace cancellint::tool {

using nlohmann::json;

std::string percentDecode(const std::string &Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '%' && I + 2 < Text.size()) {
      unsigned Value = 0;
      if (!llvm::StringRef(Text.substr(I + 1, 2)).getAsInteger(16, Value)) {
        Out += static_cast<char>(Value);
        I += 2;
        continue;
      }
    }
    Out += Text[I];
  }
  return Out;
}

namespace {

class SarifReader {
public:
  SarifReader(RunReport &Out, std::string &Error) : Out(Out), Error(Error) {}

  bool read(const json &Log) {
    if (!Log.is_object() || Log.value("version", "") != "2.1.0" ||
        !Log.contains("runs") || !Log["runs"].is_array() ||
        Log["runs"].empty())
      return fail("not a SARIF 2.1.0 log with a run");
    const json &Run = Log["runs"][0];
    if (Run.at("tool").at("driver").value("name", "") != "cancellint")
      return fail("not written by cancellint");
    std::string Root = Run.at("originalUriBaseIds")
                           .at("SRCROOT")
                           .at("uri")
                           .get<std::string>();
    if (!llvm::StringRef(Root).starts_with("file://"))
      return fail("SRCROOT is not a file:// URI");
    Out.SourceRoot = percentDecode(Root.substr(7));
    const json Properties = Run.value("properties", json::object());
    Out.TranslationUnits = Properties.value("translationUnits", 0u);
    Out.Files = Properties.value("files", Out.TranslationUnits);
    Out.SkippedCommands = Properties.value("skippedCompileCommands", 0u);
    if (Properties.contains("runContext"))
      readContext(Properties["runContext"]);
    for (const json &Result : Run.value("results", json::array()))
      Out.Findings.push_back(finding(Result));
    for (const json &Invocation : Run.value("invocations", json::array()))
      for (const json &N :
           Invocation.value("toolExecutionNotifications", json::array()))
        Out.Failures.push_back(failure(N));
    for (const json &Invocation : Run.value("invocations", json::array())) {
      Out.Context.StartTime = Invocation.value("startTimeUtc", "");
      Out.Context.EndTime = Invocation.value("endTimeUtc", "");
    }
    return true;
  }

private:
  RunReport &Out;
  std::string &Error;

  void readContext(const json &J) {
    RunContext &C = Out.Context;
    C.Known = true;
    C.ChecksKnown = J.contains("enabledChecks");
    C.Checks = J.value("enabledChecks", std::set<std::string>());
    const json Models = J.value("models", json::object());
    C.Libraries = Models.value("libraries", std::set<std::string>());
    for (const json &F : Models.value("files", json::array()))
      C.ModelFiles[F.at("path").get<std::string>()] = F.value("from", "");
    C.Options =
        J.value("options", std::map<std::string, std::string>());
    const json Git = J.value("git", json::object());
    C.GitCommit = Git.value("commit", "");
    C.GitDirty = Git.value("dirty", false);
    const json Baseline = J.value("baseline", json::object());
    C.Baseline = Baseline.value("file", "");
    C.BaselineFindings = Baseline.value("findings", 0u);
    C.Shards = J.value("shards", std::set<std::string>());
  }

  bool fail(const std::string &Message) {
    Error = Message;
    return false;
  }

  std::string file(const json &ArtifactLocation) {
    std::string Uri = percentDecode(ArtifactLocation.at("uri").get<std::string>());
    if (ArtifactLocation.contains("uriBaseId"))
      return Out.SourceRoot + Uri;
    return llvm::StringRef(Uri).starts_with("file://") ? Uri.substr(7) : Uri;
  }

  Location location(const json &L) {
    Location Loc;
    const json &P = L.at("physicalLocation");
    Loc.File = file(P.at("artifactLocation"));
    if (!P.contains("region"))
      return Loc;
    const json &Region = P["region"];
    Loc.LineText = Region.value("snippet", json::object()).value("text", "");
    Loc.Offset = Region.value("byteOffset", 0u);
    Loc.Line = Region.value("startLine", 0u);
    Loc.Column = byteColumn(Loc.LineText, Region.value("startColumn", 1u));
    // A region that starts before where the finding points says where.
    if (unsigned Pointed =
            Region.value("properties", json::object()).value("column", 0u)) {
      Loc.RangeColumn = Loc.Column;
      Loc.Column = byteColumn(Loc.LineText, Pointed);
    }
    if (Region.contains("endColumn")) {
      Loc.EndLine = Loc.Line;
      Loc.EndColumn = byteColumn(Loc.LineText, Region["endColumn"].get<unsigned>());
    } else if (Region.contains("endLine")) {
      Loc.EndLine = Region["endLine"].get<unsigned>();
    }
    return Loc;
  }

  Finding finding(const json &Result) {
    Finding F;
    F.Check = Result.at("ruleId").get<std::string>();
    F.Level = Result.value("level", "warning");
    F.Message = Result.at("message").at("text").get<std::string>();
    F.Where = location(Result.at("locations").at(0));
    F.Variant =
        Result.value("properties", json::object()).value("variant", "");
    // Shards run with --baseline: a merge keeps what each one found new.
    if (const std::string State = Result.value("baselineState", "");
        !State.empty())
      F.BaselineState = State == "new" ? Finding::Baseline::New
                                       : Finding::Baseline::Known;
    for (const json &Related : Result.value("relatedLocations", json::array()))
      F.Notes.push_back({Related.at("message").at("text").get<std::string>(),
                         location(Related)});
    for (const json &Fix : Result.value("fixes", json::array())) {
      // A note's fix names the note by the id of its related location.
      size_t Note = Fix.value("properties", json::object()).value("note", 0u);
      std::vector<Replacement> &Into = Note >= 1 && Note <= F.Notes.size()
                                           ? F.Notes[Note - 1].Fixes
                                           : F.Fixes;
      for (const json &Change : Fix.at("artifactChanges")) {
        std::string File = file(Change.at("artifactLocation"));
        for (const json &R : Change.at("replacements")) {
          const json &D = R.at("deletedRegion");
          Replacement Rp;
          Rp.File = File;
          Rp.Offset = D.value("byteOffset", 0u);
          Rp.Length = D.value("byteLength", 0u);
          Rp.Text = R.at("insertedContent").at("text").get<std::string>();
          Rp.Start.File = Rp.End.File = File;
          Rp.Start.Line = D.value("startLine", 0u);
          Rp.End.Line = D.value("endLine", 0u);
          // Columns of fixes only matter to viewers; keep them as written.
          Rp.Start.Column = D.value("startColumn", 0u);
          Rp.End.Column = D.value("endColumn", 0u);
          Into.push_back(std::move(Rp));
        }
      }
    }
    return F;
  }

  Failure failure(const json &N) {
    Failure F;
    const json &Artifact =
        N.at("locations").at(0).at("physicalLocation").at("artifactLocation");
    F.File = file(Artifact);
    std::string Text = N.at("message").at("text").get<std::string>();
    size_t Colon = Text.find(": ");
    size_t NewLine = Text.find('\n');
    F.Reason = Text.substr(Colon == std::string::npos ? 0 : Colon + 2,
                           NewLine == std::string::npos
                               ? std::string::npos
                               : NewLine - (Colon + 2));
    if (NewLine != std::string::npos)
      F.Details = Text.substr(NewLine + 1);
    return F;
  }
};

} // namespace

bool readSarif(const json &Log, RunReport &Out, std::string &Error) {
  try {
    return SarifReader(Out, Error).read(Log);
  } catch (const json::exception &E) {
    Error = std::string("malformed cancellint SARIF: ") + E.what();
    return false;
  }
}

} // namespace cancellint::tool
