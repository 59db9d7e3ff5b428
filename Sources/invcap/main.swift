import Capture

// Entry point: make OpenMP single-threaded before anything else, set how the heap returns memory, then
// run the command line.
OpenMPLaunch.ensureSingleThreaded()
HeapTrim.configure()
await Invcap.runMain()
