#include <stop_token>
std::stop_token h;
