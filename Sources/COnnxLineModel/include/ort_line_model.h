#ifndef ORT_LINE_MODEL_H
#define ORT_LINE_MODEL_H

#include <stddef.h>
#include <stdint.h>

/// A text-line recognition model (CTC output) run by ONNX Runtime, loaded at run time with dlopen so
/// that InvoiceCapture builds and runs without it. One object is used by one thread at a time.
typedef struct ort_line_model ort_line_model;

/// Loads ONNX Runtime from `library` (once per process) and the model at `model_path`, running on one
/// thread. Returns NULL and writes a message into `error` on failure.
ort_line_model *ort_line_model_open(const char *library, const char *model_path, char *error, size_t error_size);

/// Frees the model (the library stays loaded).
void ort_line_model_close(ort_line_model *model);

/// The value of the model's custom metadata `key` (e.g. its character list), as a string the caller frees
/// with `free`; NULL with a message in `error` when it is missing.
char *ort_line_model_metadata(ort_line_model *model, const char *key, char *error, size_t error_size);

/// Runs the model on one image tensor [1, 3, height, width] of floats. On success returns 0 and sets
/// `*output` to a `malloc`ed array of `*steps` × `*classes` floats the caller frees with `free`.
int ort_line_model_run(ort_line_model *model, const float *input, int64_t height, int64_t width, float **output,
                       int64_t *steps, int64_t *classes, char *error, size_t error_size);

/// Runs the model on one float tensor of shape `input_shape` (`input_rank` dimensions, at most 4). On
/// success returns 0, sets `*output` to a `malloc`ed array of floats the caller frees with `free`, and
/// writes the output's dimensions into `output_shape` (4 slots) and their number into `*output_rank`.
int ort_model_run(ort_line_model *model, const float *input, const int64_t *input_shape, size_t input_rank,
                  float **output, int64_t *output_shape, size_t *output_rank, char *error, size_t error_size);

#endif
