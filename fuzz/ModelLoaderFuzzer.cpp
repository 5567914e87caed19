//===--- ModelLoaderFuzzer.cpp - Fuzzing the model loader ----------------===//
//
// Any bytes given to the loader must end in a model or in located errors,
// never in a crash, a hang or an error without a message. libFuzzer with
// AddressSanitizer and UndefinedBehaviorSanitizer; seeds are the built-in
// models (fuzz/run-model-fuzzer).
//
//===----------------------------------------------------------------------===//
#include "model/ModelLoader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  cancellint::model::LibraryModel Model;
  std::vector<cancellint::model::ModelError> Errors;
  bool Ok = cancellint::model::parseModel(Text, "fuzz.json", Model, Errors);
  if (Ok != Errors.empty())
    std::abort(); // success and errors must agree
  for (const cancellint::model::ModelError &E : Errors) {
    // Every rejection says what and where: a message, and a position that
    // lies inside the document (line 1 column 1 for an empty one).
    if (E.Message.empty() || E.Line == 0 || E.Column == 0)
      std::abort();
    if (E.format().empty())
      std::abort();
  }
  return 0;
}
