//===--- StopFlags.cpp - Home-grown stop flags, inferred -----------------===//
#include "StopFlags.h"
#include "CallArguments.h"
#include "Callables.h"
#include "DeclNames.h"
#include "Expressions.h"
#include "Instantiations.h"
#include "Limits.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

/// The template's own function for an instantiation, canonical.
const FunctionDecl *canonicalFunction(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    FD = P;
  return FD->getCanonicalDecl();
}

bool isStdRecord(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return RD && RD->getIdentifier() && RD->getName() == Name &&
         RD->isInStdNamespace();
}

/// A code base's own lock-protected value (SEMS's AmSharedVar<bool>): a
/// class template of one type whose `get()` returns it and whose `set()`
/// takes it. Its get() reads the flag, set() and operator= write it.
bool isValueHolder(const ClassTemplateSpecializationDecl *Spec) {
  bool Get = false, Set = false;
  for (const CXXMethodDecl *MD : Spec->methods()) {
    if (!MD->getIdentifier())
      continue;
    Get |= MD->getName() == "get" && MD->getNumParams() == 0;
    Set |= MD->getName() == "set" && MD->getNumParams() == 1;
  }
  return Get && Set;
}

/// Whether \p T can hold a stop flag: bool, an enum, std::atomic of one,
/// std::atomic_flag. (The standard's own flag types: no model describes
/// them, and none is needed.)
bool isFlagType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (T->isBooleanType() || T->isEnumeralType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (isStdRecord(RD, "atomic_flag"))
    return true;
  // std::atomic<bool> derives from std::__atomic_base<bool> in libstdc++;
  // the class named atomic carries the argument in both libraries.
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    if (Spec->getTemplateArgs().size() == 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      const QualType Arg = Spec->getTemplateArgs()[0].getAsType();
      return (Arg->isBooleanType() || Arg->isEnumeralType()) &&
             (isStdRecord(Spec, "atomic") || isValueHolder(Spec));
    }
  return false;
}

/// The flag-shaped member or non-local variable \p E names, canonical.
const ValueDecl *flagVariable(const Expr *E) {
  E = ignoreValueWrappers(E);
  if (!E)
    return nullptr;
  const ValueDecl *D = nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = dyn_cast<FieldDecl>(ME->getMemberDecl());
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->hasGlobalStorage() && !VD->isLocalVarDecl())
      D = VD;
  if (!D || !isFlagType(D->getType()))
    return nullptr;
  return StopFlags::canonicalVar(D);
}

/// A constant a flag is compared with or set to.
std::optional<FlagValue> constantValue(const Expr *E) {
  E = ignoreValueWrappers(E);
  if (!E)
    return std::nullopt;
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
    return FlagValue{nullptr, B->getValue()};
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return FlagValue{nullptr, I->getValue() != 0};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return FlagValue{EC, false};
  return std::nullopt;
}

/// "When the flag holds this value" (Equal) or "any other value".
struct FlagTest {
  const ValueDecl *Var = nullptr;
  FlagValue Value;
  bool Equal = true;

  bool holdsFor(const FlagValue &V) const { return (V == Value) == Equal; }
};

/// Calls that wake or end a thread, by the member or function name: what a
/// setter does after it sets the flag.
enum class SignalKind { None, Join, Wake };
SignalKind signalKind(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return SignalKind::None;
  const llvm::StringRef Name = FD->getName();
  if (isa<CXXMethodDecl>(FD))
    return llvm::StringSwitch<SignalKind>(Name)
        .Case("join", SignalKind::Join)
        .Cases({"notify_one", "notify_all", "cancel", "close", "shutdown"},
               SignalKind::Wake)
        .Cases({"stop", "request_stop", "interrupt"}, SignalKind::Wake)
        .Default(SignalKind::None);
  return llvm::StringSwitch<SignalKind>(Name)
      .Case("pthread_join", SignalKind::Join)
      .Cases({"pthread_cond_signal", "pthread_cond_broadcast", "shutdown",
              "close", "pthread_cancel"},
             SignalKind::Wake)
      .Default(SignalKind::None);
}

bool leaves(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return !C->body_empty() && leaves(C->body_back());
  return isa<BreakStmt, ReturnStmt, CXXThrowExpr, GotoStmt, CoreturnStmt>(S);
}

} // namespace

const ValueDecl *StopFlags::canonicalVar(const ValueDecl *D) {
  const auto *Field = dyn_cast_or_null<FieldDecl>(D);
  if (!Field)
    return D ? cast<ValueDecl>(D->getCanonicalDecl()) : nullptr;
  return fieldAsWritten(Field);
}

struct StopFlags::Facts {
  ModelQueries &Queries;
  ASTContext &Ctx;

  struct Write {
    const ValueDecl *Var;
    FlagValue Value;
    const Expr *At;
    const FunctionDecl *In;
  };
  struct LoopRead {
    FlagTest Test;
    const FunctionDecl *In;
  };
  /// A condition that ends a loop when it evaluates to EndsWhen; read once
  /// every accessor is known.
  struct LoopCondition {
    const Expr *Cond;
    bool EndsWhen;
    const FunctionDecl *In;
  };

  std::vector<Write> Writes;
  std::vector<LoopCondition> Conditions;
  std::vector<LoopRead> Reads;
  /// Zero-argument members returning an expression: `return stop_;`,
  /// `return state_ == State::Stopping;`. Whether they read a flag is asked
  /// once every function has been walked.
  llvm::DenseMap<const FunctionDecl *, const Expr *> Accessors;
  llvm::DenseSet<const FunctionDecl *> Entries;
  llvm::DenseSet<const FunctionDecl *> Registered;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const FunctionDecl *, 4>>
      Callees;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const CallExpr *, 2>>
      Signals;
  llvm::DenseSet<const FunctionDecl *> Walked;
  llvm::DenseSet<const FunctionDecl *> OnThread;

  std::vector<std::unique_ptr<StopFlag>> Flags;
  llvm::DenseMap<const ValueDecl *, const StopFlag *> ByVar;

  Facts(ModelQueries &Q, ASTContext &C) : Queries(Q), Ctx(C) {}

  bool isSystem(const Decl *D) const {
    return Ctx.getSourceManager().isInSystemHeader(D->getLocation());
  }

  /// The flag \p E reads directly: the member or variable, a load(),
  /// test(), or the conversion to bool or to the enum.
  const ValueDecl *readOf(const Expr *E) {
    E = ignoreValueWrappers(E);
    if (!E)
      return nullptr;
    if (const ValueDecl *V = flagVariable(E))
      return V;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (const CXXMethodDecl *MD = MC->getMethodDecl();
          MD && (isa<CXXConversionDecl>(MD) ||
                 (MD->getIdentifier() &&
                  (MD->getName() == "load" || MD->getName() == "test" ||
                   MD->getName() == "get"))))
        return flagVariable(MC->getImplicitObjectArgument());
    return nullptr;
  }

  /// The expression an accessor called by \p E returns, or null.
  const Expr *accessorResult(const Expr *E) {
    const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(ignoreValueWrappers(E));
    if (!MC || !MC->getMethodDecl())
      return nullptr;
    return Accessors.lookup(canonicalFunction(MC->getMethodDecl()));
  }

  /// The test of a flag that makes \p E evaluate to \p Want, if one does.
  std::optional<FlagTest> forcing(const Expr *E, bool Want, unsigned Depth = 0) {
    E = ignoreValueWrappers(E);
    if (!E || Depth > limits::MaxConditionDepth)
      return std::nullopt;
    if (const ValueDecl *V = readOf(E))
      return FlagTest{V, FlagValue{nullptr, Want}, true};
    if (const Expr *Result = accessorResult(E))
      return forcing(Result, Want, Depth + 1);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_LNot)
      return forcing(U->getSubExpr(), !Want, Depth + 1);
    const auto *B = dyn_cast<BinaryOperator>(E);
    if (!B)
      return std::nullopt;
    if ((B->getOpcode() == BO_LAnd && !Want) ||
        (B->getOpcode() == BO_LOr && Want)) {
      if (auto T = forcing(B->getLHS(), Want, Depth + 1))
        return T;
      return forcing(B->getRHS(), Want, Depth + 1);
    }
    if (B->getOpcode() != BO_EQ && B->getOpcode() != BO_NE)
      return std::nullopt;
    const ValueDecl *R = readOf(B->getLHS());
    std::optional<FlagValue> C = constantValue(B->getRHS());
    if (!R || !C) {
      R = readOf(B->getRHS());
      C = constantValue(B->getLHS());
    }
    if (!R || !C)
      return std::nullopt;
    bool Equal = (B->getOpcode() == BO_EQ) == Want;
    FlagValue V = *C;
    if (!V.Enumerator) {
      // For a bool, "not b" is "!b".
      V.Bool = V.Bool == Equal;
      Equal = true;
    }
    return FlagTest{R, V, Equal};
  }

  void recordWrite(const Expr *Target, const Expr *Value, const Expr *At,
                   const FunctionDecl *In) {
    const ValueDecl *V = flagVariable(Target);
    if (!V)
      return;
    if (std::optional<FlagValue> C = constantValue(Value))
      Writes.push_back({V, *C, At, In});
  }

  void recordLoopCondition(const Expr *Cond, bool EndsWhen,
                           const FunctionDecl *In) {
    if (Cond)
      Conditions.push_back({Cond, EndsWhen, In});
  }

  /// Whether \p Call starts a thread or task, so that the callables in its
  /// arguments run as one: a model spawn; the constructor of a source
  /// whose destructor stops its work (std::jthread); or a template
  /// instantiated for one of those classes (make_shared<std::thread>,
  /// vector<std::thread>::emplace_back).
  bool startsThread(const Expr *Call) {
    if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(Call))
      return isThreadClass(U->getTypeAsWritten()); // in a template
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee)
      return false;
    if (Queries.spawn(Callee))
      return true;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee))
      if (const model::SourceSpec *S = Queries.sourceOfRecord(Ctor->getParent());
          S && S->DestructorCancels)
        return true;
    auto AnyThreadArg = [&](llvm::ArrayRef<TemplateArgument> Args) {
      return llvm::any_of(Args, [&](const TemplateArgument &A) {
        return A.getKind() == TemplateArgument::Type &&
               isThreadClass(A.getAsType());
      });
    };
    if (const TemplateArgumentList *Args =
            Callee->getTemplateSpecializationArgs();
        Args && AnyThreadArg(Args->asArray()))
      return true;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
      if (const auto *Spec =
              dyn_cast<ClassTemplateSpecializationDecl>(MD->getParent());
          Spec && AnyThreadArg(Spec->getTemplateArgs().asArray()))
        return true;
    return false;
  }

  /// A class whose constructor starts a thread: a model spawn constructor
  /// (std::thread), or a source whose destructor stops it (std::jthread).
  bool isThreadClass(QualType T) {
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      return false;
    for (const CXXConstructorDecl *C : RD->ctors())
      if (Queries.spawn(C))
        return true;
    const model::SourceSpec *S = Queries.sourceOfRecord(RD);
    return S && S->DestructorCancels;
  }

  void walkFunction(const FunctionDecl *FD) {
    if (!FD || !FD->hasBody() || !Walked.insert(FD).second || isSystem(FD))
      return;
    const Stmt *Body = FD->getBody();
    // An accessor: `bool should_stop() const { return stop_; }`.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && MD->getNumParams() == 0 && !isa<CXXConversionDecl>(MD))
      if (const auto *C = dyn_cast<CompoundStmt>(Body); C && C->size() == 1)
        if (const auto *Ret = dyn_cast<ReturnStmt>(C->body_front());
            Ret && Ret->getRetValue())
          Accessors[canonicalFunction(MD)] = Ret->getRetValue();
    // Member initialisers run first: `thread_([this] { loop(); })`.
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten())
          walk(Init->getInit(), FD, 0);
    walk(Body, FD, 0);
  }

  void walkLambda(const LambdaExpr *L) {
    const CXXRecordDecl *Class = L->getLambdaClass();
    if (const FunctionTemplateDecl *T = Class->getDependentLambdaCallOperator())
      for (const FunctionDecl *Spec : T->specializations())
        walkFunction(Spec);
    walkFunction(L->getCallOperator());
  }

  void walk(const Stmt *S, const FunctionDecl *In, unsigned LoopDepth) {
    if (!S)
      return;
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : L->capture_inits())
        walk(Init, In, LoopDepth);
      walkLambda(L);
      return;
    }
    if (const auto *W = dyn_cast<WhileStmt>(S))
      recordLoopCondition(W->getCond(), false, In);
    else if (const auto *F = dyn_cast<ForStmt>(S))
      recordLoopCondition(F->getCond(), false, In);
    else if (const auto *D = dyn_cast<DoStmt>(S))
      recordLoopCondition(D->getCond(), false, In);
    else if (const auto *If = dyn_cast<IfStmt>(S); If && LoopDepth > 0) {
      if (leaves(If->getThen()))
        recordLoopCondition(If->getCond(), true, In);
      if (leaves(If->getElse()))
        recordLoopCondition(If->getCond(), false, In);
    }
    if (const auto *B = dyn_cast<BinaryOperator>(S);
        B && B->getOpcode() == BO_Assign)
      recordWrite(B->getLHS(), B->getRHS(), B, In);
    if (isa<CallExpr, CXXConstructExpr>(S))
      visitCall(cast<Expr>(S), In);
    else if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(S);
             U && startsThread(U))
      for (const Expr *Arg : U->arguments())
        for (const FunctionDecl *F : callablesIn(Arg))
          Entries.insert(canonicalFunction(F));
    const bool IsLoop = isa<WhileStmt, ForStmt, DoStmt, CXXForRangeStmt>(S);
    for (const Stmt *Child : S->children())
      walk(Child, In, LoopDepth + (IsLoop ? 1 : 0));
  }

  void visitCall(const Expr *E, const FunctionDecl *In) {
    if (const FunctionDecl *Callee = calleeOf(E)) {
      if (const FunctionDecl *Def = Callee->getDefinition();
          Def && !isSystem(Def))
        Callees[canonicalFunction(In)].push_back(canonicalFunction(Def));
    }
    if (const auto *Ctor = dyn_cast<CXXConstructExpr>(E)) {
      // A callback registered on a token: a write in it is a stop request.
      if (Queries.isRegistration(Ctor->getConstructor()->getParent()))
        for (const Expr *Arg : Ctor->arguments())
          for (const FunctionDecl *F : callablesIn(Arg))
            Registered.insert(canonicalFunction(F));
    }
    if (startsThread(E))
      for (const Expr *Arg : parameterArguments(E))
        for (const FunctionDecl *F : callablesIn(Arg))
          Entries.insert(canonicalFunction(F));
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return;
    if (signalKind(Call) != SignalKind::None)
      Signals[canonicalFunction(In)].push_back(Call);
    // Writes through members: store, exchange, test_and_set, clear, and
    // operator= of std::atomic.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        recordWrite(Op->getArg(0), Op->getArg(1), Op, In);
      return;
    }
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
    const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
    if (!MD || !MD->getIdentifier())
      return;
    const Expr *Obj = MC->getImplicitObjectArgument();
    const llvm::StringRef Name = MD->getName();
    if ((Name == "store" || Name == "exchange" || Name == "set") &&
        MC->getNumArgs() >= 1)
      recordWrite(Obj, MC->getArg(0), MC, In);
    else if (Name == "test_and_set" || Name == "clear")
      if (const ValueDecl *V = flagVariable(Obj))
        Writes.push_back({V, FlagValue{nullptr, Name == "test_and_set"}, MC,
                          In});
  }

  void closeOverThreads() {
    llvm::SmallVector<std::pair<const FunctionDecl *, unsigned>, 16> Work;
    for (const FunctionDecl *E : Entries)
      Work.push_back({E, 0});
    while (!Work.empty()) {
      auto [F, Depth] = Work.pop_back_val();
      if (!OnThread.insert(F).second || Depth >= limits::MaxCallDepth)
        continue;
      auto It = Callees.find(F);
      if (It != Callees.end())
        for (const FunctionDecl *C : It->second)
          Work.push_back({C, Depth + 1});
    }
  }

  /// Whether \p In signals its thread when it writes a flag: a destructor,
  /// a function that joins, notifies, cancels or closes, or a callback
  /// registered on a token.
  bool isSetter(const FunctionDecl *In) {
    return isa<CXXDestructorDecl>(In) || Signals.count(canonicalFunction(In)) ||
           Registered.count(canonicalFunction(In));
  }

  /// What the model says of \p Var: declared a stop flag (1), denied (-1),
  /// or nothing (0).
  int modelSays(const ValueDecl *Var) {
    const std::string &Name = Queries.name(Var);
    if (Queries.model().isNotStopFlag(Name))
      return -1;
    return Queries.model().isStopFlag(Name) ? 1 : 0;
  }

  void infer() {
    for (const LoopCondition &C : Conditions)
      if (std::optional<FlagTest> T = forcing(C.Cond, C.EndsWhen))
        Reads.push_back({*T, C.In});
    closeOverThreads();
    for (const LoopRead &R : Reads) {
      const int Says = modelSays(R.Test.Var);
      if (ByVar.count(R.Test.Var) || Says < 0 ||
          (Says == 0 && !OnThread.count(canonicalFunction(R.In))))
        continue;
      for (const Write &W : Writes) {
        if (W.Var != R.Test.Var || !R.Test.holdsFor(W.Value) ||
            (Says == 0 && !isSetter(W.In)))
          continue;
        auto Flag = std::make_unique<StopFlag>();
        Flag->Var = W.Var;
        Flag->Stop = W.Value;
        Flag->SetAt = W.At;
        Flag->Setter = W.In;
        auto It = Signals.find(canonicalFunction(W.In));
        if (It != Signals.end()) {
          for (const CallExpr *C : It->second) {
            if (signalKind(C) == SignalKind::Wake)
              Flag->Wakes.push_back(C);
            if (!Flag->Signal || (signalKind(C) == SignalKind::Join &&
                                  signalKind(Flag->Signal) != SignalKind::Join))
              Flag->Signal = C;
          }
        }
        Flag->SignalJoins =
            Flag->Signal && signalKind(Flag->Signal) == SignalKind::Join;
        Flag->Declared = Says > 0;
        ByVar[W.Var] = Flag.get();
        Flags.push_back(std::move(Flag));
        break;
      }
    }
  }
};

namespace {
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(llvm::function_ref<void(const FunctionDecl *)> F)
      : OnFunction(F) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody())
      OnFunction(FD);
    return true;
  }

private:
  llvm::function_ref<void(const FunctionDecl *)> OnFunction;
};
} // namespace

StopFlags::StopFlags(ModelQueries &Queries, ASTContext &Ctx)
    : Data(std::make_unique<Facts>(Queries, Ctx)) {
  auto Walk = [&](const FunctionDecl *FD) { Data->walkFunction(FD); };
  FunctionCollector Collector(Walk);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  Data->infer();
}

StopFlags::~StopFlags() = default;

llvm::ArrayRef<const StopFlag *>
StopFlags::polledBy(const FunctionDecl *FD) {
  const FunctionDecl *Key = canonicalFunction(FD);
  auto [It, Inserted] = Polled.try_emplace(Key);
  if (!Inserted)
    return It->second;
  for (const Facts::LoopRead &R : Data->Reads) {
    if (canonicalFunction(R.In) != Key)
      continue;
    // A flag the model declares needs no thread seen to run the loop.
    if (!Data->OnThread.count(Key) && Data->modelSays(R.Test.Var) <= 0)
      continue;
    const StopFlag *F = Data->ByVar.lookup(R.Test.Var);
    if (F && R.Test.holdsFor(F->Stop) && !llvm::is_contained(It->second, F))
      It->second.push_back(F);
  }
  return It->second;
}

ModelQueries &StopFlags::queries() { return Data->Queries; }

llvm::ArrayRef<const FunctionDecl *> StopFlags::pollersOf(const StopFlag &F) {
  auto [It, Inserted] = Pollers.try_emplace(&F);
  if (!Inserted)
    return It->second;
  for (const Facts::LoopRead &R : Data->Reads) {
    const FunctionDecl *In = canonicalFunction(R.In);
    if (R.Test.Var == F.Var && R.Test.holdsFor(F.Stop) &&
        Data->OnThread.count(In) && !llvm::is_contained(It->second, R.In))
      It->second.push_back(R.In);
  }
  return It->second;
}

llvm::SmallVector<const StopFlag *, 1>
StopFlags::setBy(const FunctionDecl *FD) {
  llvm::SmallVector<const StopFlag *, 1> Out;
  for (const std::unique_ptr<StopFlag> &F : Data->Flags)
    if (canonicalFunction(F->Setter) == canonicalFunction(FD))
      Out.push_back(F.get());
  return Out;
}

const StopFlag *StopFlags::readBy(const Expr *E) {
  if (const ValueDecl *V = Data->readOf(E))
    return Data->ByVar.lookup(V);
  // An accessor reads the flag its result reads (accessors calling
  // accessors are followed a few levels).
  const Expr *Result = Data->accessorResult(E);
  if (!Result || ++AccessorDepth > limits::MaxAccessorDepth) {
    AccessorDepth = 0;
    return nullptr;
  }
  const StopFlag *Found = nullptr;
  findEvaluated(Result, [&](const Stmt *S) {
    if (const auto *X = dyn_cast<Expr>(S); X && X != Result)
      Found = readBy(X);
    else if (X == Result)
      if (const ValueDecl *V = Data->readOf(X))
        Found = Data->ByVar.lookup(V);
    return Found != nullptr;
  });
  AccessorDepth = 0;
  return Found;
}

bool StopFlags::reads(const Stmt *S, const StopFlag &F) {
  llvm::SmallVector<const Stmt *, 16> Work{S};
  for (unsigned Steps = 0; !Work.empty() && Steps < limits::MaxBodyNodes;
       ++Steps) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (const auto *E = dyn_cast<Expr>(Cur); E && readBy(E) == &F)
      return true;
    if (const auto *L = dyn_cast<LambdaExpr>(Cur)) {
      Work.push_back(L->getBody());
      continue;
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace cancellint::analysis
