#pragma once

struct BenchOptions;

// Each scenario prints its report and returns the process exit code (0 ok, 1 failed, 2 cannot run).
int runSearchBenchmark(const BenchOptions& options);
int runKanbanBenchmark(const BenchOptions& options);
int runStartupBenchmark(const BenchOptions& options);
int runImportBenchmark(const BenchOptions& options);
int runDedupeBenchmark(const BenchOptions& options);
