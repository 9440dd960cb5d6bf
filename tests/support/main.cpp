// The Catch2 runner for all unit and corpus tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
