#pragma once

#include <QString>

// What the command line asked for; every scenario reads the same options.
struct BenchOptions
{
    int n = 100000;
    quint32 seed = 20261123;
    bool json = false;
    QString appPath; // startup: the businesshub binary
    bool onscreen = false; // startup: use the real display instead of offscreen
};
