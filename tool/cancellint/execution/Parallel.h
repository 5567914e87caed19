//===--- Parallel.h - Working through a list on several threads ----------===//
#ifndef CANCELLINT_TOOL_EXECUTION_PARALLEL_H
#define CANCELLINT_TOOL_EXECUTION_PARALLEL_H

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cancellint::tool {

/// Calls \p MakeWorker once per thread (at most \p Jobs threads, no more
/// than there are items, the calling thread one of them) for that thread's
/// state, then hands the items 0..Count-1 out one at a time to the
/// workers, first come first served. \p Stop, polled before each item, ends
/// the hand-out early. Returns when every thread is done.
template <typename MakeWorker, typename StopFn>
void forEachItem(size_t Count, unsigned Jobs, MakeWorker Make, StopFn Stop) {
  std::atomic<size_t> Next{0};
  auto Run = [&] {
    auto Worker = Make();
    for (size_t I = Next++; I < Count && !Stop(); I = Next++)
      Worker(I);
  };
  unsigned Threads = std::max<size_t>(1, std::min<size_t>(Jobs, Count));
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Run);
  Run();
  for (std::thread &T : Pool)
    T.join();
}

} // namespace cancellint::tool

#endif
