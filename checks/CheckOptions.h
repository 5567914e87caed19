//===--- CheckOptions.h - Every option of the cancel-* checks, once -------===//
//
// Each option is declared here once, with its check, its default and the
// kind of value it takes. The checks read their options through these
// declarations, and what makes a value invalid is decided here for every
// option alike: a check reports it as a configuration error (clang-tidy,
// clangd), and the cancellint driver reports it before it analyses
// anything (input/ConfigurationCheck.h).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_CHECKS_CHECKOPTIONS_H
#define CANCELLINT_CHECKS_CHECKOPTIONS_H

#include "model/ModelStore.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace cancellint {

enum class OptionKind : std::uint8_t {
  Duration,   ///< "1s", "500ms", "250us", "2min"; a bare number is ms
  Regex,      ///< a POSIX extended regular expression (llvm::Regex)
  NameList,   ///< ';'-separated names
  ModelFiles, ///< ';'-separated model files
  Libraries,  ///< built-in models: names or globs, '-' removes
};

struct CheckOption {
  /// "cancel-blocking-call"; empty for an option every cancel-* check
  /// reads, globally ("ModelFiles") or for itself ("cancel-x.ModelFiles").
  llvm::StringLiteral Check;
  llvm::StringLiteral Name;
  llvm::StringLiteral Default;
  OptionKind Kind;
};

namespace options {
inline constexpr CheckOption ModelFiles{"", "ModelFiles", "",
                                        OptionKind::ModelFiles};
inline constexpr CheckOption Libraries{"", "Libraries", "*",
                                       OptionKind::Libraries};
inline constexpr CheckOption MaxUncheckedWait{
    "cancel-blocking-call", "MaxUncheckedWait", "1s", OptionKind::Duration};
inline constexpr CheckOption LongLivedClassPattern{
    "cancel-stored-context", "LongLivedClassPattern", "(pool|cache|registry)s?$",
    OptionKind::Regex};
inline constexpr CheckOption StoringMethods{
    "cancel-stored-context", "StoringMethods",
    "push_back;emplace_back;push_front;emplace_front;push;emplace;insert;"
    "emplace_hint;try_emplace;insert_or_assign;assign;reset;set;store;"
    "exchange;swap",
    OptionKind::NameList};
} // namespace options

/// Every option of every cancel-* check, the shared ones first.
llvm::ArrayRef<CheckOption> checkOptions();

/// Why \p Value is not a valid value of \p Option, as one line ("invalid
/// MaxUncheckedWait 'soon': expected a duration such as '1s', '500ms' or
/// '250us'"); "" when it is valid. Model files and libraries are valid when
/// the model they name loads: see modelConfig().
std::string invalidOptionValue(const CheckOption &Option,
                               llvm::StringRef Value);

/// The model a check analysing \p AnalysedFile uses, from its ModelFiles
/// and Libraries values. A relative model file is resolved against the
/// nearest directory, from the analysed file upwards, that holds a
/// .clang-tidy file and the model, so a project's .clang-tidy can name
/// "tools/models/x.json" whatever directory the tool is started from;
/// found nowhere that way, it is relative to the working directory.
model::ModelConfig modelConfig(llvm::StringRef ModelFiles,
                               llvm::StringRef Libraries,
                               llvm::StringRef AnalysedFile);

/// The one of \p Known that \p Name is most likely a typo of; "" when none
/// is close.
std::string closestName(llvm::StringRef Name,
                        llvm::ArrayRef<std::string> Known);

/// A problem with one key of CheckOptions.
struct OptionProblem {
  std::string Key;     ///< as written: "cancel-stored-context.LongLivedClasPattern"
  std::string Message; ///< one line
  bool IsError = true; ///< false for a key no check reads: a warning
};

/// The problems of the cancel-* keys in \p Options, for the checks named
/// \p Checks: a key no check reads (with the closest key one does), and a
/// value invalidOptionValue() refuses. Keys of other checks and global keys
/// other than the shared options are not looked at.
std::vector<OptionProblem>
optionProblems(const clang::tidy::ClangTidyOptions::OptionMap &Options,
               llvm::ArrayRef<std::string> Checks);

} // namespace cancellint

#endif
