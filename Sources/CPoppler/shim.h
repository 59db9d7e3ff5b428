// poppler-glib (PDF text layer, images, rendering) and cairo (the raster it renders into).
#include <poppler.h>
#include <cairo.h>
