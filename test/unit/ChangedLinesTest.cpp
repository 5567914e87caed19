//===--- ChangedLinesTest.cpp - Reading `git diff -U0` output -------------===//
#include "input/DiffFilter.h"
#include "gtest/gtest.h"

using cancellint::tool::ChangedLines;

namespace {

TEST(ChangedLines, AddedLinesOfTheNewSide) {
  ChangedLines C;
  C.parse("diff --git a/src/a.cpp b/src/a.cpp\n"
          "index 1111111..2222222 100644\n"
          "--- a/src/a.cpp\n"
          "+++ b/src/a.cpp\n"
          "@@ -3,0 +4,2 @@ void f() {\n"
          "+  one();\n"
          "+  two();\n"
          "@@ -10 +12 @@\n"
          "-  old();\n"
          "+  new_();\n",
          "/repo");
  EXPECT_TRUE(C.touchesFile("/repo/src/a.cpp"));
  EXPECT_TRUE(C.touchesLine("/repo/src/a.cpp", 4));
  EXPECT_TRUE(C.touchesLine("/repo/src/a.cpp", 5));
  EXPECT_TRUE(C.touchesLine("/repo/src/a.cpp", 12));
  EXPECT_FALSE(C.touchesLine("/repo/src/a.cpp", 6));
  EXPECT_FALSE(C.touchesLine("/repo/src/a.cpp", 3));
  EXPECT_EQ(C.files().at("/repo/src/a.cpp"), (std::set<unsigned>{4, 5, 12}));
}

TEST(ChangedLines, DeletionsAddNoLine) {
  ChangedLines C;
  C.parse("--- a/b.cpp\n+++ b/b.cpp\n@@ -7,2 +6,0 @@\n-  gone();\n-  gone();\n",
          "/repo");
  EXPECT_FALSE(C.touchesLine("/repo/b.cpp", 6));
  EXPECT_FALSE(C.touchesLine("/repo/b.cpp", 7));
}

TEST(ChangedLines, QuotedPathsAndDeletedFiles) {
  ChangedLines C;
  C.parse("--- a/x.cpp\n+++ \"b/dir with space/\\303\\251.cpp\"\n@@ -0,0 +1 @@\n+x\n"
          "--- a/old.cpp\n+++ /dev/null\n@@ -1 +0,0 @@\n-y\n",
          "/repo");
  EXPECT_TRUE(C.touchesLine("/repo/dir with space/\xc3\xa9.cpp", 1));
  EXPECT_FALSE(C.touchesFile("/repo/old.cpp"));
  EXPECT_EQ(C.files().size(), 1u);
}

TEST(ChangedLines, TextThatIsNotADiffIsSkipped) {
  ChangedLines C;
  C.parse("warning: something\n@@ nonsense @@\n+++\n", "/repo");
  EXPECT_TRUE(C.files().empty());
}

} // namespace
