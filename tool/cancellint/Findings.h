//===--- Findings.h - What a run found, in a form every output can use ---===//
//
// Workers analyse translation units in their own processes and hand back
// findings as JSON; the driver merges, de-duplicates and sorts them, then
// renders text, JSON or SARIF. Locations are resolved in the worker, where
// the file contents are at hand: paths are absolute, lines and columns are
// 1-based, columns count bytes as compilers do.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_FINDINGS_H
#define CANCELLINT_TOOL_FINDINGS_H

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cancellint::tool {

struct Location {
  std::string File; ///< absolute path; empty when the diagnostic has none
  unsigned Offset = 0; ///< byte offset in File
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned EndLine = 0; ///< end of the highlighted range, if any
  unsigned EndColumn = 0;
  /// Where the highlighted range starts on Line, when before Column (a
  /// member call marked at its name: `obj.wait(...)`); 0 otherwise.
  unsigned RangeColumn = 0;
  std::string LineText; ///< the source line, for snippets and fingerprints
};

struct Replacement {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  Location Start; ///< resolved start, for SARIF regions
  Location End;
};

struct Note {
  std::string Message;
  Location Where;
  /// A fix-it offered on the note: it changes behaviour, so it is to be
  /// reviewed before it is applied (--fix applies it only with --fix-notes).
  std::vector<Replacement> Fixes;
};

struct Finding {
  std::string Check;   ///< "cancel-lost-handle"; "clang-diagnostic-error"...
  std::string Level;   ///< "warning" or "error"
  std::string Message;
  Location Where;
  std::vector<Note> Notes;
  std::vector<Replacement> Fixes;
  /// The compile commands of a file with several that found it ("-DX");
  /// empty when every one of them did, or the file has one.
  std::string Variant;
  /// Set once findings are final (see Fingerprints.h): stable across edits
  /// elsewhere in the file, and whether a baseline already knew it.
  std::string Fingerprint;
  enum class Baseline { None, New, Known } BaselineState = Baseline::None;
};

/// A translation unit that could not be analysed, or not fully.
struct Failure {
  std::string File;
  std::string Reason; ///< one line: "crashed (signal 11)", "timed out after 300 s"
  std::string Details; ///< the worker's stderr tail, compiler errors
};

struct TranslationUnitResult {
  std::string File;
  std::vector<Finding> Findings;
  std::vector<Failure> Failures;
  unsigned Errors = 0; ///< compiler errors seen (the TU was analysed as recovered)
  std::vector<std::string> Dependencies; ///< files read, when asked for
  double Seconds = 0; ///< how long the analysis took (set by the scheduler)
  /// What the unit was analysed with, for the report's run context: the
  /// checks enabled for it, the built-in libraries and the model files
  /// (absolute paths) their models loaded, wherever those were configured
  /// (command line, --config, .clang-tidy files). Sorted.
  std::vector<std::string> Checks;
  std::vector<std::string> Libraries;
  std::vector<std::string> ModelFiles;
};

nlohmann::json toJson(const Location &L);
nlohmann::json toJson(const Finding &F);
nlohmann::json toJson(const Failure &F);
nlohmann::json toJson(const TranslationUnitResult &R);
Location locationFromJson(const nlohmann::json &J);
Finding findingFromJson(const nlohmann::json &J);
Failure failureFromJson(const nlohmann::json &J);
TranslationUnitResult resultFromJson(const nlohmann::json &J);

/// Sorts by file, line, column, check, message and drops exact duplicates
/// (a header's finding reported by every TU that includes it).
void sortAndDeduplicate(std::vector<Finding> &Findings);

} // namespace cancellint::tool

#endif
