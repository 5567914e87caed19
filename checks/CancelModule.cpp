//===--- CancelModule.cpp - The clang-tidy module "cancel" ---------------===//
#include "BlockingCallCheck.h"
#include "LostHandleCheck.h"
#include "StoredContextCheck.h"
#include "SwallowedDoneCheck.h"
#include "UnforwardedContextCheck.h"

#include "clang-tidy/ClangTidyModule.h"

namespace cancellint {

class CancelModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<BlockingCallCheck>("cancel-blocking-call");
    F.registerCheck<LostHandleCheck>("cancel-lost-handle");
    F.registerCheck<StoredContextCheck>("cancel-stored-context");
    F.registerCheck<SwallowedDoneCheck>("cancel-swallowed-done");
    F.registerCheck<UnforwardedContextCheck>("cancel-unforwarded-context");
  }
};

} // namespace cancellint

// Registration by static initialiser: the plugin, the standalone tool and
// cancellint-clangd all link this object, so all three see the module.
static clang::tidy::ClangTidyModuleRegistry::Add<cancellint::CancelModule>
    X("cancel-module", "Checks for cancellation misuse (cancellint).");

// Referenced by the front-ends so a static link cannot drop this object.
volatile int CancellintModuleAnchorSource = 0;
