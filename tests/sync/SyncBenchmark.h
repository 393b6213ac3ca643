#pragma once

struct BenchOptions;

// sync: team-mode sync against a throw-away PostgreSQL database (HUB_TEST_PG_CONNINFO, scripts/pg-test-cluster):
// the first full sync of n leads into an empty workspace (initial_sync_ms, budget < 5 s) and how long a change
// written on the server takes to reach the workspace through LISTEN/NOTIFY (notify_p95_ms, budget < 300 ms).
// Prints its report (BenchReport) and returns 0 ok, 1 over budget or failed, 2 cannot run.
int runSyncBenchmark(const BenchOptions& options);
