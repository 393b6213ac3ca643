#pragma once

// `businesshub import FILE [--db PATH] [--preset NAME] [--map "Header=field,…"] [--duplicates skip|update|create]
// [--region CC] [--json]`: the import pipeline without a window.
int runImportCommand(int argc, char* argv[]);
