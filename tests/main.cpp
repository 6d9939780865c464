// The one Catch2 main of the test binary; every other tests/**/*.cpp only adds TEST_CASEs.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
