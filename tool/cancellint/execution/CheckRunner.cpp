//===--- CheckRunner.cpp - clang-tidy's checks over one translation unit --===//
//
// The same set-up as clang-tidy's runClangTidy (its argument adjusters, the
// __clang_analyzer__ macro, its diagnostic consumer), so that a finding is
// the same in every front-end; only the parser is told what it may skip.
//
//===----------------------------------------------------------------------===//
#include "execution/CheckRunner.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace clang::tidy;

namespace cancellint::tool {

namespace {

/// Lets the parser skip the body of a function the checks never read. The
/// parser asks only where skipping is sound (never for constexpr functions
/// or deduced return types), and a multiplexing consumer skips only when
/// every consumer agrees, so clang-tidy's own consumer keeps its say.
class SystemBodySkipper : public ASTConsumer {
public:
  explicit SystemBodySkipper(const SourceManager &SM) : SM(SM) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    // Instantiations are built from a template's body, and the checks
    // follow a generic lambda into them.
    if (D->isTemplated())
      return false;
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }

private:
  const SourceManager &SM;
};

class CheckAction : public ASTFrontendAction {
public:
  CheckAction(ClangTidyASTConsumerFactory &Factory, ClangTidyContext &Context)
      : Factory(Factory), Context(Context) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    std::unique_ptr<ASTConsumer> Checks =
        Factory.createASTConsumer(Compiler, File);
    // The factory has made File the context's current file.
    if (Context.getOptions().SystemHeaders.value_or(false))
      return Checks;
    Compiler.getFrontendOpts().SkipFunctionBodies = true;
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::move(Checks));
    Consumers.push_back(
        std::make_unique<SystemBodySkipper>(Compiler.getSourceManager()));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  ClangTidyContext &Context;
};

class CheckActionFactory : public tooling::FrontendActionFactory {
public:
  CheckActionFactory(ClangTidyContext &Context,
                     llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS)
      : Context(Context), Factory(Context, std::move(FS)) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckAction>(Factory, Context);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy: code may test __clang_analyzer__ to hide itself.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps),
                                                DiagConsumer);
  }

private:
  ClangTidyContext &Context;
  ClangTidyASTConsumerFactory Factory;
};

/// clang-tidy's ExtraArgsBefore / ExtraArgs options, per file.
tooling::ArgumentsAdjuster extraArguments(ClangTidyContext &Context) {
  return [&Context](const tooling::CommandLineArguments &Args,
                    StringRef Filename) {
    ClangTidyOptions Opts = Context.getOptionsForFile(Filename);
    tooling::CommandLineArguments Adjusted = Args;
    if (Opts.ExtraArgsBefore) {
      auto I = Adjusted.begin();
      if (I != Adjusted.end() && !StringRef(*I).starts_with("-"))
        ++I; // the compiler's name
      Adjusted.insert(I, Opts.ExtraArgsBefore->begin(),
                      Opts.ExtraArgsBefore->end());
    }
    if (Opts.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                      Opts.ExtraArgs->end());
    return Adjusted;
  };
}

/// No limit on compiler errors: after clang's default 20 it stops parsing,
/// and the rest of the file would be silently left unanalysed. Appended
/// last, so it wins over a limit in the compile command.
tooling::ArgumentsAdjuster noErrorLimit() {
  return tooling::getInsertArgumentAdjuster(
      "-ferror-limit=0", tooling::ArgumentInsertPosition::END);
}

} // namespace

std::vector<ClangTidyError>
runChecks(ClangTidyContext &Context,
          const tooling::CompilationDatabase &Database,
          const std::string &File,
          llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS) {
  tooling::ClangTool Tool(Database, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  Tool.appendArgumentsAdjuster(extraArguments(Context));
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(noErrorLimit());
  Tool.setPrintErrorMessage(false);

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                           /*RemoveIncompatibleErrors=*/true,
                                           /*GetFixesFromNotes=*/false);
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  DiagnosticsEngine Engine(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                           *DiagOpts, &DiagConsumer,
                           /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);
  Tool.setDiagnosticConsumer(&DiagConsumer);

  CheckActionFactory Factory(Context, std::move(FS));
  Tool.run(&Factory);
  return DiagConsumer.take();
}

} // namespace cancellint::tool
