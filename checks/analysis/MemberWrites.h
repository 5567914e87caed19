//===--- MemberWrites.h - Who clears a member, and who sets it again -----===//
//
// A completion handler that tests a member before it starts the next
// operation (`if (!callback_) return;`, `if (!running_) return;`) is
// guarded by it only as far as the writes to that member allow:
//   - a member that only constructors write is a setting: the test never
//     ends the chain (a callable tested for emptiness is a null test);
//   - a member that one function clears (`callback_ = {};` in cancel())
//     and another sets again before it starts the chain (`callback_ = cb;`
//     in start()) lets a completion aborted by the first run after the
//     second, see the member set, and start a second chain.
//
// One walk over the unit's function bodies (not system headers), template
// instantiations included, records,
// for each data member of `*this`, the writes of a known value (a bool
// literal, a clear, a fill) and whether any function other than a
// constructor changes it in any way (assignment, non-const call, non-const
// reference, address). Members of instantiated class templates map to the
// template's own member.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_MEMBERWRITES_H
#define CANCELLINT_ANALYSIS_MEMBERWRITES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace cancellint::analysis {

/// What a write stores, as far as the guard is concerned.
enum class WrittenValue {
  False, ///< `false` into a bool (or atomic<bool>)
  True,  ///< `true`
  Clear, ///< an empty value into a callable or pointer: `{}`, `nullptr`,
         ///< `reset()`
  Fill,  ///< any other value into a callable or pointer
};

struct MemberWrite {
  const clang::Expr *At = nullptr;
  const clang::FunctionDecl *In = nullptr; ///< a named function
  WrittenValue Value = WrittenValue::Fill;
};

class MemberWrites {
public:
  explicit MemberWrites(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// The writes of a known value to \p Field made in named functions.
  llvm::ArrayRef<MemberWrite> of(const clang::FieldDecl *Field);

  /// Whether only constructors of its class change \p Field: it is not
  /// public, every member function its class declares is defined in this
  /// unit, and none of them other than a constructor writes it, calls a
  /// non-const member of it, binds it to a non-const reference or takes
  /// its address.
  bool onlyConstructorsChange(const clang::FieldDecl *Field);

  /// Whether \p Field holds a callable or a pointer: a pointer, or a class
  /// with an `operator bool` and an `operator()` or `operator->`
  /// (std::function, fu2::function, std::unique_ptr, std::shared_ptr).
  static bool holdsCallableOrPointer(const clang::FieldDecl *Field);

  /// A reset of \p Field (false, true or a clear) in a function \p Cancels
  /// accepts, and a write of the opposite value in another function that
  /// \p StartsChain accepts: a restart that sets the guard again.
  struct Restart {
    MemberWrite Reset;
    MemberWrite SetAgain;
  };
  std::optional<Restart>
  restartOf(const clang::FieldDecl *Field,
            llvm::function_ref<bool(const clang::FunctionDecl *)> Cancels,
            llvm::function_ref<bool(const clang::FunctionDecl *)> StartsChain);

private:
  clang::ASTContext &Ctx;
  bool Scanned = false;
  llvm::DenseMap<const clang::FieldDecl *, llvm::SmallVector<MemberWrite, 2>>
      Writes;
  /// Fields changed by a function that is not a constructor (a lambda
  /// counts, wherever it is).
  llvm::DenseSet<const clang::FieldDecl *> ChangedOutsideConstructors;

  void scan();
};

} // namespace cancellint::analysis

#endif
