// Calls ONNX Runtime's C API through its function table (OrtGetApiBase()->GetApi(version)). No ONNX
// Runtime header is needed: the table's slots are numbered in the API's documented, append-only order,
// and every object is an opaque pointer.
#include "ort_line_model.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void *Handle;
typedef Handle Status; // NULL on success

enum {
    SlotGetErrorMessage = 2,
    SlotCreateEnv = 3,
    SlotCreateSession = 7,
    SlotRun = 9,
    SlotCreateSessionOptions = 10,
    SlotDisableMemPattern = 17,
    SlotEnableCpuMemArena = 18,
    SlotSetGraphOptimizationLevel = 23,
    SlotSetIntraOpThreads = 24,
    SlotSetInterOpThreads = 25,
    SlotSessionGetInputName = 36,
    SlotSessionGetOutputName = 37,
    SlotCreateRunOptions = 39,
    SlotCreateTensorWithData = 49,
    SlotGetTensorMutableData = 51,
    SlotGetDimensionsCount = 61,
    SlotGetDimensions = 62,
    SlotGetTensorTypeAndShape = 65,
    SlotCreateCpuMemoryInfo = 69,
    SlotAllocatorFree = 76,
    SlotGetDefaultAllocator = 78,
    SlotReleaseStatus = 93,
    SlotReleaseMemoryInfo = 94,
    SlotReleaseSession = 95,
    SlotReleaseValue = 96,
    SlotReleaseRunOptions = 97,
    SlotReleaseTensorTypeAndShapeInfo = 99,
    SlotReleaseSessionOptions = 100,
    SlotSessionGetModelMetadata = 111,
    SlotLookupCustomMetadata = 116,
    SlotReleaseModelMetadata = 118,
    SlotAddRunConfigEntry = 165,
};

enum { ApiVersion = 16, LoggingLevelError = 3, ArenaAllocator = 1, MemTypeDefault = 0, ElementFloat = 1 };
enum { GraphOptimizationAll = 99 };

typedef struct {
    void *(*get_api)(uint32_t version);
    const char *(*get_version_string)(void);
} ApiBase;

static void *const *api;  // the function table, set once
static Handle env;        // one environment per process, never released
static char load_error[512];
static const char *load_library;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

#define CALL(slot, type) ((type)api[slot])

struct ort_line_model {
    Handle session;
    Handle run_options;
    Handle memory;
    char *input_name;
    char *output_name;
};

static void release_status(Status status) { CALL(SlotReleaseStatus, void (*)(Status))(status); }

/// Copies the message of a failed status into `error` and releases it; returns -1.
static int failed(Status status, const char *what, char *error, size_t size) {
    const char *message = CALL(SlotGetErrorMessage, const char *(*)(Status))(status);
    snprintf(error, size, "%s: %s", what, message ? message : "unknown error");
    release_status(status);
    return -1;
}

static void load(void) {
    void *library = dlopen(load_library, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "cannot load ONNX Runtime: %s", dlerror());
        return;
    }
    const ApiBase *(*get_base)(void) = (const ApiBase *(*)(void))dlsym(library, "OrtGetApiBase");
    const ApiBase *base = get_base ? get_base() : NULL;
    void *const *table = base ? base->get_api(ApiVersion) : NULL;
    if (!table) {
        snprintf(load_error, sizeof load_error, "%s does not provide ONNX Runtime API version %d", load_library,
                 ApiVersion);
        return;
    }
    api = table;
    Handle created = NULL;
    Status status = CALL(SlotCreateEnv, Status (*)(int, const char *, Handle *))(LoggingLevelError, "invcap",
                                                                                     &created);
    if (status) {
        failed(status, "creating the ONNX Runtime environment", load_error, sizeof load_error);
        api = NULL;
        return;
    }
    env = created;
}

ort_line_model *ort_line_model_open(const char *library, const char *model_path, char *error, size_t error_size) {
    load_library = library;
    pthread_once(&load_once, load);
    if (!api) {
        snprintf(error, error_size, "%s", load_error);
        return NULL;
    }
    ort_line_model *model = calloc(1, sizeof *model);
    if (!model) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    Handle options = NULL;
    Status status = CALL(SlotCreateSessionOptions, Status (*)(Handle *))(&options);
    if (status) {
        failed(status, "creating session options", error, error_size);
        free(model);
        return NULL;
    }
    // One thread: invcap parallelises with one worker per core. A memory arena, shrunk after every run
    // (see the run options below), and no memory pattern: every page and line has a shape of its own.
    // Without the arena each of a run's large buffers is mapped and faulted in afresh from the kernel,
    // which made the detector twice as slow on a page; without the shrinking, the arena would keep
    // the largest page's memory for good (a long-running service reached gigabytes).
    Status settings[5] = {
        CALL(SlotSetIntraOpThreads, Status (*)(Handle, int))(options, 1),
        CALL(SlotSetInterOpThreads, Status (*)(Handle, int))(options, 1),
        CALL(SlotSetGraphOptimizationLevel, Status (*)(Handle, int))(options, GraphOptimizationAll),
        CALL(SlotEnableCpuMemArena, Status (*)(Handle))(options),
        CALL(SlotDisableMemPattern, Status (*)(Handle))(options),
    };
    for (int i = 0; i < 5; i++) {
        if (settings[i]) release_status(settings[i]);
    }
    status = CALL(SlotCreateSession, Status (*)(Handle, const char *, Handle, Handle *))(env, model_path, options,
                                                                                       &model->session);
    CALL(SlotReleaseSessionOptions, void (*)(Handle))(options);
    if (status) {
        failed(status, "loading the line model", error, error_size);
        free(model);
        return NULL;
    }
    // Every run gives the arena's free memory back to the system when it ends.
    status = CALL(SlotCreateRunOptions, Status (*)(Handle *))(&model->run_options);
    if (!status)
        status = CALL(SlotAddRunConfigEntry, Status (*)(Handle, const char *, const char *))(
            model->run_options, "memory.enable_memory_arena_shrinkage", "cpu:0");
    if (status) {
        failed(status, "setting the run options", error, error_size);
        ort_line_model_close(model);
        return NULL;
    }
    status = CALL(SlotCreateCpuMemoryInfo, Status (*)(int, int, Handle *))(ArenaAllocator, MemTypeDefault,
                                                                           &model->memory);
    Handle allocator = NULL;
    if (!status) status = CALL(SlotGetDefaultAllocator, Status (*)(Handle *))(&allocator);
    char *name = NULL;
    if (!status)
        status = CALL(SlotSessionGetInputName, Status (*)(Handle, size_t, Handle, char **))(model->session, 0,
                                                                                          allocator, &name);
    if (!status) {
        model->input_name = strdup(name);
        CALL(SlotAllocatorFree, Status (*)(Handle, void *))(allocator, name);
        status = CALL(SlotSessionGetOutputName, Status (*)(Handle, size_t, Handle, char **))(model->session, 0,
                                                                                           allocator, &name);
    }
    if (!status) {
        model->output_name = strdup(name);
        CALL(SlotAllocatorFree, Status (*)(Handle, void *))(allocator, name);
    }
    if (status || !model->input_name || !model->output_name) {
        if (status) failed(status, "inspecting the line model", error, error_size);
        else snprintf(error, error_size, "out of memory");
        ort_line_model_close(model);
        return NULL;
    }
    return model;
}

void ort_line_model_close(ort_line_model *model) {
    if (!model) return;
    if (model->session) CALL(SlotReleaseSession, void (*)(Handle))(model->session);
    if (model->run_options) CALL(SlotReleaseRunOptions, void (*)(Handle))(model->run_options);
    if (model->memory) CALL(SlotReleaseMemoryInfo, void (*)(Handle))(model->memory);
    free(model->input_name);
    free(model->output_name);
    free(model);
}

char *ort_line_model_metadata(ort_line_model *model, const char *key, char *error, size_t error_size) {
    Handle metadata = NULL;
    Handle allocator = NULL;
    Status status = CALL(SlotSessionGetModelMetadata, Status (*)(Handle, Handle *))(model->session, &metadata);
    if (status) {
        failed(status, "reading the model's metadata", error, error_size);
        return NULL;
    }
    char *value = NULL;
    status = CALL(SlotGetDefaultAllocator, Status (*)(Handle *))(&allocator);
    if (!status)
        status = CALL(SlotLookupCustomMetadata, Status (*)(Handle, Handle, const char *, char **))(metadata, allocator,
                                                                                                  key, &value);
    CALL(SlotReleaseModelMetadata, void (*)(Handle))(metadata);
    if (status) {
        failed(status, "reading the model's metadata", error, error_size);
        return NULL;
    }
    if (!value) {
        snprintf(error, error_size, "the model has no metadata entry \"%s\"", key);
        return NULL;
    }
    char *copy = strdup(value);
    CALL(SlotAllocatorFree, Status (*)(Handle, void *))(allocator, value);
    if (!copy) snprintf(error, error_size, "out of memory");
    return copy;
}

int ort_model_run(ort_line_model *model, const float *input, const int64_t *input_shape, size_t input_rank,
                  float **output, int64_t *output_shape, size_t *output_rank, char *error, size_t error_size) {
    *output = NULL;
    *output_rank = 0;
    if (input_rank == 0 || input_rank > 4) {
        snprintf(error, error_size, "an input tensor of rank %zu is not supported", input_rank);
        return -1;
    }
    size_t elements = 1;
    for (size_t i = 0; i < input_rank; i++) {
        if (input_shape[i] <= 0) {
            snprintf(error, error_size, "the input tensor has an empty dimension");
            return -1;
        }
        elements *= (size_t)input_shape[i];
    }
    Handle tensor = NULL;
    Status status = CALL(SlotCreateTensorWithData, Status (*)(Handle, void *, size_t, const int64_t *, size_t, int,
                                                              Handle *))(model->memory, (void *)input,
                                                                         elements * sizeof(float), input_shape,
                                                                         input_rank, ElementFloat, &tensor);
    if (status) return failed(status, "creating the input tensor", error, error_size);
    const char *input_names[1] = {model->input_name};
    const char *output_names[1] = {model->output_name};
    Handle inputs[1] = {tensor};
    Handle result = NULL;
    status = CALL(SlotRun, Status (*)(Handle, Handle, const char *const *, const Handle *, size_t,
                                      const char *const *, size_t, Handle *))(model->session, model->run_options, input_names,
                                                                              inputs, 1, output_names, 1, &result);
    CALL(SlotReleaseValue, void (*)(Handle))(tensor);
    if (status) return failed(status, "running the model", error, error_size);

    int code = -1;
    Handle info = NULL;
    size_t count = 0;
    int64_t dimensions[4] = {0, 0, 0, 0};
    float *data = NULL;
    status = CALL(SlotGetTensorTypeAndShape, Status (*)(Handle, Handle *))(result, &info);
    if (!status) status = CALL(SlotGetDimensionsCount, Status (*)(Handle, size_t *))(info, &count);
    if (!status && count >= 1 && count <= 4)
        status = CALL(SlotGetDimensions, Status (*)(Handle, int64_t *, size_t))(info, dimensions, count);
    if (!status) status = CALL(SlotGetTensorMutableData, Status (*)(Handle, void **))(result, (void **)&data);
    size_t values = 1;
    for (size_t i = 0; i < count && i < 4; i++) values *= (size_t)(dimensions[i] > 0 ? dimensions[i] : 0);
    if (status) {
        failed(status, "reading the model's output", error, error_size);
    } else if (count < 1 || count > 4 || values == 0 || !data) {
        snprintf(error, error_size, "the model's output is empty or of rank %zu", count);
    } else {
        *output = malloc(values * sizeof(float));
        if (*output) {
            memcpy(*output, data, values * sizeof(float));
            for (size_t i = 0; i < count; i++) output_shape[i] = dimensions[i];
            *output_rank = count;
            code = 0;
        } else {
            snprintf(error, error_size, "out of memory");
        }
    }
    if (info) CALL(SlotReleaseTensorTypeAndShapeInfo, void (*)(Handle))(info);
    CALL(SlotReleaseValue, void (*)(Handle))(result);
    return code;
}

int ort_line_model_run(ort_line_model *model, const float *input, int64_t height, int64_t width, float **output,
                       int64_t *steps, int64_t *classes, char *error, size_t error_size) {
    const int64_t shape[4] = {1, 3, height, width};
    int64_t dimensions[4] = {0, 0, 0, 0};
    size_t rank = 0;
    if (ort_model_run(model, input, shape, 4, output, dimensions, &rank, error, error_size) != 0) return -1;
    if (rank != 3 || dimensions[0] != 1) {
        free(*output);
        *output = NULL;
        snprintf(error, error_size, "the line model's output is not [1, steps, classes]");
        return -1;
    }
    *steps = dimensions[1];
    *classes = dimensions[2];
    return 0;
}
