// The zxing-cpp side of zxing_shim.h. Kept to the single call Swift needs; exceptions stay in here.
#include "zxing_shim.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

extern "C" int ics_qr_decode(const uint8_t *pixels, int width, int height, int stride, ics_qr_result *results,
                             int capacity) {
    if (pixels == nullptr || width <= 0 || height <= 0 || results == nullptr || capacity <= 0) return -1;
    try {
        ZXing::ImageView image(pixels, width, height, ZXing::ImageFormat::Lum, stride);
        ZXing::ReaderOptions options;
        options.setFormats(ZXing::BarcodeFormat::QRCode);
        options.setTryHarder(true);
        options.setTryRotate(true);
        options.setTryDownscale(true);
        options.setTryInvert(false);
        auto found = ZXing::ReadBarcodes(image, options);
        int count = 0;
        for (const auto &result : found) {
            if (count >= capacity) break;
            if (!result.isValid()) continue;
            std::string text = result.text();
            char *copy = static_cast<char *>(std::malloc(text.size() + 1));
            if (copy == nullptr) break;
            std::memcpy(copy, text.data(), text.size());
            copy[text.size()] = '\0';
            const auto &p = result.position();
            int xs[4] = {p[0].x, p[1].x, p[2].x, p[3].x};
            int ys[4] = {p[0].y, p[1].y, p[2].y, p[3].y};
            results[count].text = copy;
            results[count].left = *std::min_element(xs, xs + 4);
            results[count].right = *std::max_element(xs, xs + 4);
            results[count].top = *std::min_element(ys, ys + 4);
            results[count].bottom = *std::max_element(ys, ys + 4);
            results[count].orientation = ((result.orientation() % 360) + 360) % 360;
            ++count;
        }
        return count;
    } catch (...) {
        return -1;
    }
}

extern "C" void ics_qr_free(ics_qr_result *results, int count) {
    if (results == nullptr) return;
    for (int i = 0; i < count; ++i) {
        std::free(results[i].text);
        results[i].text = nullptr;
    }
}
