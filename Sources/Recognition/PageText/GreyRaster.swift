import Foundation
import Ingest
import InvoiceModel

/// A page's grey pixels in one contiguous buffer (row-major, one byte a pixel), with the sampling the
/// PP-OCR models' inputs are made with.
struct GreyRaster: Sendable {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A copy of `page`'s pixels, or `nil` when it is not 8-bit grey.
    init?(page: PageImage) {
        guard
            let copy = page.withGreyBytes({ pixels, width, height, stride in
                var copy = [UInt8](repeating: 0, count: width * height)
                for y in 0..<height {
                    for x in 0..<width { copy[y * width + x] = pixels[y * stride + x] }
                }
                return GreyRaster(width: width, height: height, pixels: copy)
            })
        else { return nil }
        self = copy
    }

    /// The pixels inside `box` (clipped to the page), as a raster of their own.
    func cropped(to box: PixelBox) -> GreyRaster {
        let left = max(0, box.x)
        let top = max(0, box.y)
        let right = min(width, box.maxX)
        let bottom = min(height, box.maxY)
        guard right > left, bottom > top else { return GreyRaster(width: 0, height: 0, pixels: []) }
        var copy = [UInt8]()
        copy.reserveCapacity((right - left) * (bottom - top))
        for y in top..<bottom { copy += pixels[y * width + left..<y * width + right] }
        return GreyRaster(width: right - left, height: bottom - top, pixels: copy)
    }

    /// The page shrunk (area average) or enlarged (bilinear) by `factor`, as floats in [0, 255].
    func resampled(by factor: Double) -> (values: [Float], width: Int, height: Int) {
        let outWidth = max(1, Int((Double(width) * factor).rounded()))
        let outHeight = max(1, Int((Double(height) * factor).rounded()))
        var values = [Float](repeating: 255, count: outWidth * outHeight)
        if factor >= 1 {
            for y in 0..<outHeight {
                let sy = (Double(y) + 0.5) / factor - 0.5
                for x in 0..<outWidth {
                    values[y * outWidth + x] = bilinear(x: (Double(x) + 0.5) / factor - 0.5, y: sy)
                }
            }
            return (values, outWidth, outHeight)
        }
        // Area average: every source pixel adds to the output pixel its centre falls in.
        var sums = [Float](repeating: 0, count: outWidth * outHeight)
        var counts = [Float](repeating: 0, count: outWidth * outHeight)
        let columns = (0..<width).map { min(outWidth - 1, Int(Double($0) * factor)) }
        pixels.withUnsafeBufferPointer { source in
            for y in 0..<height {
                let row = min(outHeight - 1, Int(Double(y) * factor)) * outWidth
                let base = y * width
                for x in 0..<width {
                    sums[row + columns[x]] += Float(source[base + x])
                    counts[row + columns[x]] += 1
                }
            }
        }
        for index in values.indices where counts[index] > 0 { values[index] = sums[index] / counts[index] }
        return (values, outWidth, outHeight)
    }

    /// The value at a point between pixels; white outside the page.
    func bilinear(x: Double, y: Double) -> Float {
        guard x > -1, y > -1, x < Double(width), y < Double(height) else { return 255 }
        let x0 = Int(x.rounded(.down))
        let y0 = Int(y.rounded(.down))
        let fx = Float(x - Double(x0))
        let fy = Float(y - Double(y0))
        func at(_ px: Int, _ py: Int) -> Float {
            guard px >= 0, py >= 0, px < width, py < height else { return 255 }
            return Float(pixels[py * width + px])
        }
        let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
        let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
        return top * (1 - fy) + bottom * fy
    }

    /// The inside of `box` turned level and scaled to `outHeight` rows and `outWidth` columns (values in
    /// [0, 255]); each output pixel averages up to 4 × 4 samples when the box is shrunk.
    func straightened(_ box: TextBox, outWidth: Int, outHeight: Int) -> [Float] {
        var values = [Float](repeating: 255, count: outWidth * outHeight)
        let stepAlong = box.length / Double(outWidth)
        let stepAcross = box.thickness / Double(outHeight)
        let samples = max(1, min(4, Int(max(stepAlong, stepAcross).rounded(.up))))
        let weight = 1 / Float(samples * samples)
        for row in 0..<outHeight {
            for column in 0..<outWidth {
                var sum: Float = 0
                for sy in 0..<samples {
                    let b = (Double(row) + (Double(sy) + 0.5) / Double(samples)) * stepAcross - box.thickness / 2
                    for sx in 0..<samples {
                        let a = (Double(column) + (Double(sx) + 0.5) / Double(samples)) * stepAlong - box.length / 2
                        let p = box.point(along: a, across: b)
                        sum += bilinear(x: p.x - 0.5, y: p.y - 0.5)
                    }
                }
                values[row * outWidth + column] = sum * weight
            }
        }
        return values
    }
}
