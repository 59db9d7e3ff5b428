// Entry point: make OpenMP single-threaded before anything else, then run the command line.
OpenMPLaunch.ensureSingleThreaded()
await Invcap.runMain()
