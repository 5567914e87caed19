//===--- ColumnsTest.cpp - Byte, UTF-16 and code-point columns ------------===//
#include "SourceLines.h"
#include "gtest/gtest.h"

using namespace cancellint::tool;

namespace {

// "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 UTF-16 units.
const std::string Line = "a\xc3\xa9 \xf0\x9f\x98\x80 x";

TEST(Columns, Utf16FromBytes) {
  EXPECT_EQ(utf16Column(Line, 1), 1u);  // 'a'
  EXPECT_EQ(utf16Column(Line, 2), 2u);  // 'é'
  EXPECT_EQ(utf16Column(Line, 4), 3u);  // ' '
  EXPECT_EQ(utf16Column(Line, 5), 4u);  // '😀'
  EXPECT_EQ(utf16Column(Line, 9), 6u);  // ' '
  EXPECT_EQ(utf16Column(Line, 10), 7u); // 'x'
}

TEST(Columns, BytesFromUtf16RoundTrip) {
  for (unsigned Byte : {1u, 2u, 4u, 5u, 9u, 10u})
    EXPECT_EQ(byteColumn(Line, utf16Column(Line, Byte)), Byte) << Byte;
}

TEST(Columns, OtherToolsColumns) {
  // Column 7 is 'x' in UTF-16 units and column 6 in code points.
  EXPECT_EQ(byteOffsetOfColumn(Line, 7, /*CodePoints=*/false), 9u);
  EXPECT_EQ(byteOffsetOfColumn(Line, 6, /*CodePoints=*/true), 9u);
  // Clamped to the end of the line.
  EXPECT_EQ(byteOffsetOfColumn(Line, 99, false), Line.size());
  // A byte that does not start valid UTF-8 counts as one character.
  EXPECT_EQ(byteOffsetOfColumn("\xff" "b", 2, true), 1u);
  EXPECT_EQ(byteOffsetOfColumn("\xc3" "b", 2, true), 1u); // a lead byte alone
  EXPECT_EQ(utf16Column("\xf0" "bc", 3), 3u);
  EXPECT_EQ(byteColumn("\xf0" "bc", 3), 3u);
}

TEST(Columns, TokenLength) {
  EXPECT_EQ(tokenLength("  token.stop_requested()", 3), 5u);
  EXPECT_EQ(tokenLength("x = 1500ms;", 5), 6u);
  EXPECT_EQ(tokenLength("f(\"a \\\" b\")", 3), 8u);
  EXPECT_EQ(tokenLength("a + b", 3), 1u);
  EXPECT_EQ(tokenLength("", 1), 1u);
}

} // namespace
