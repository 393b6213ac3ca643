#pragma once

struct BenchOptions;

// Each scenario prints its report and returns the process exit code (0 ok, 1 failed, 2 cannot run).
int runSearchBenchmark(const BenchOptions& options);
int runKanbanBenchmark(const BenchOptions& options);
int runStartupBenchmark(const BenchOptions& options);
int runImportBenchmark(const BenchOptions& options);
int runDedupeBenchmark(const BenchOptions& options);
// Team mode against the PostgreSQL test cluster named by HUB_TEST_PG_CONNINFO (exit code 2 without one).
int runSyncBenchmark(const BenchOptions& options);
