// Writing beside the final name: the process's own partial name, renamed over the target on
// commit, removed otherwise; two writers of one target never share a partial.
#include "fixtures/partials.hpp"
#include "fixtures/temp_dir.hpp"
#include "util/partial_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <unistd.h>

namespace coron {
namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(PartialFile, IsNamedAfterTheTargetAndThisProcess) {
  fixtures::TempDir dir("partial_name");
  const std::filesystem::path target = dir.path() / "out.h5";
  const util::PartialFile a(target);
  const util::PartialFile b(target);
  const std::string prefix = "out.h5." + std::to_string(::getpid()) + ".";
  EXPECT_TRUE(a.path().filename().string().starts_with(prefix)) << a.path();
  EXPECT_TRUE(a.path().filename().string().ends_with(".partial")) << a.path();
  EXPECT_NE(a.path(), b.path()) << "two writers of one target in one process";
  EXPECT_EQ(a.path().parent_path(), dir.path());
  EXPECT_EQ(a.target(), target);
}

TEST(PartialFile, CommitReplacesTheTargetAndLeavesNoPartial) {
  fixtures::TempDir dir("partial_commit");
  const std::filesystem::path target = dir.path() / "out.csv";
  std::ofstream(target) << "old";
  {
    util::PartialFile p(target);
    std::ofstream(p.path()) << "new";
    EXPECT_EQ(read_text(target), "old") << "nothing reaches the target before the commit";
    p.commit();
  }
  EXPECT_EQ(read_text(target), "new");
  EXPECT_TRUE(fixtures::partials_of(target).empty());
}

TEST(PartialFile, WithoutCommitThePartialGoesAndTheTargetStays) {
  fixtures::TempDir dir("partial_discard");
  const std::filesystem::path target = dir.path() / "out.csv";
  std::ofstream(target) << "old";
  {
    util::PartialFile p(target);
    std::ofstream(p.path()) << "half";
    EXPECT_EQ(fixtures::partials_of(target).size(), 1u);
  }
  EXPECT_EQ(read_text(target), "old");
  EXPECT_TRUE(fixtures::partials_of(target).empty());
}

TEST(PartialFile, AFailedCommitThrowsAndStillRemovesThePartial) {
  fixtures::TempDir dir("partial_fail");
  const std::filesystem::path target = dir.path() / "folder";
  std::filesystem::create_directories(target / "not empty");
  {
    util::PartialFile p(target);
    std::ofstream(p.path()) << "complete";
    EXPECT_THROW(p.commit(), std::filesystem::filesystem_error);
  }
  EXPECT_TRUE(std::filesystem::is_directory(target));
  EXPECT_TRUE(fixtures::partials_of(target).empty());
}

}  // namespace
}  // namespace coron
