import InvoiceModel
import Testing

@testable import Extraction

@Suite struct TextRepairTests {
    @Test(arguments: [
        ("电子发票〈描增值税专用发票", "电子发票（增值税专用发票）"),
        ("电子发票《普通发票", "电子发票（普通发票）"),
        ("陕西增值税电子普通发要", "陕西增值税电子普通发票"),
        ("福建增值税电子普通发票", "福建增值税电子普通发票"),
        ("四川增值税普通发票", "四川增值税普通发票"),
        ("陕西增值税专用发票", "陕西增值税专用发票"),
        ("四川增值税普通发票(卷票)", "四川增值税普通发票（卷票）"),
        ("北京货物运输业增值税专用发栗", "北京货物运输业增值税专用发票"),
        ("机动车销售统一发票", "机动车销售统一发票"),
        ("机动车销售统一发要", "机动车销售统一发票"),
        ("二手车销售统一发票", "二手车销售统一发票"),
    ])
    func givenOCRTitle_whenNormalized_thenTheKnownTitleForm(read: String, expected: String) {
        #expect(FapiaoTitle.normalized(read) == expected)
    }

    @Test func givenUnknownTitle_whenNormalized_thenUnchanged() {
        #expect(FapiaoTitle.normalized("某某公司收据") == "某某公司收据")
    }

    @Test(arguments: [
        ("智远物流〈北京 ) 有限公司", "智远物流（北京）有限公司"),
        ("捷顺商贸《合肥 ) 有限公司", "捷顺商贸（合肥）有限公司"),
        ("中铁文化旅游投资集团有限公司", "中铁文化旅游投资集团有限公司"),
        ("四川凯越物业管理股份有限公司·", "四川凯越物业管理股份有限公司"),
        ("：阿卜杜·热合曼。", "阿卜杜·热合曼"),
    ])
    func givenOCRName_whenCleaned_thenFullWidthBrackets(read: String, expected: String) {
        #expect(FieldText.name(read) == expected)
    }

    /// 和 glued with low confidence to the word before it is the engine filling a gap; a 和 read as a word
    /// of its own, or in a confident word, is printed.
    @Test func givenGapFilledWithHe_whenCleaned_thenOnlyThePrinted() {
        func line(_ words: [(String, Double)]) -> LineText {
            let recognized = words.enumerated().map { index, word in
                RecognizedWord(
                    text: word.0, confidence: word.1, box: PixelBox(x: index * 80, y: 0, width: 70, height: 40))
            }
            return LineText(
                RecognizedLine(
                    words: recognized, confidence: 0.9, box: PixelBox(x: 0, y: 0, width: 80 * words.count, height: 40)))
        }
        let filled = line([("成都市", 0.95), ("和", 0.97), ("信和", 0.32), ("餐饮", 0.9), ("有限公司", 0.95)])
        #expect(filled.withoutGapFillers().compactText == "成都市和信餐饮有限公司")
        #expect(line([("复核", 0.95), (":和", 0.32), ("孔晓东", 0.9)]).withoutGapFillers().compactText == "复核:孔晓东")
        let printed = line([("北京", 0.95), ("协和", 0.93), ("医院", 0.95)])
        #expect(printed.withoutGapFillers().compactText == "北京协和医院")
    }

    @Test func givenBankNameOneCharacterOff_whenRepaired_thenKnownBank() {
        #expect(BankNames.repair("中信和银行股份有限公司昆明盘龙支行 2486737370771419693") == "中信银行股份有限公司昆明盘龙支行 2486737370771419693")
        #expect(BankNames.repair("招商银行股份有限公司合肥分行 754117602634045") == nil)
        #expect(BankNames.repair("某某信用社 123") == nil)
    }

    @Test func givenTwoWrongReadsOfAUSCC_whenCombined_thenTheOneMixPassingTheCheck() {
        #expect(ValueRank.combineTaxIDs("916101124646971686", "11610112464697168G") == "91610112464697168G")
        #expect(ValueRank.combineTaxIDs("91610112464697168G", "11610112464697168G") == nil)
    }

    @Test func givenPrintedText_whenCleaned_thenSpacesOnlyOutsideCJKRuns() {
        #expect(FieldText.printed("招商银行 股份 有限公司 754117602634045") == "招商银行股份有限公司 754117602634045")
        #expect(FieldText.printed(" : 西安市未央区 104 号 029-84280807 ") == "西安市未央区 104 号 029-84280807")
    }

    @Test func givenDigitsWithLookalikes_whenCleaned_thenDigits() {
        #expect(FieldText.digits("O3S0O2227311") == "035002227311")
        #expect(FieldText.taxID("91441900MAQ9TEQDOW") == "91441900MAQ9TEQD0W")
        #expect(FieldText.amountAfterCurrency("5¥539.39") == "539.39")
        #expect(FieldText.amount("¥3,819.00|") == "3819.00")
    }
}

@Suite struct RemarksTextTests {
    @Test func givenStructuredRemarkWithOCRErrorsInKeys_whenCleaned_thenKnownKeysAndPrintedSeparators() {
        #expect(RemarksText.cleaned("收坎人 : 赵娟 ;复核人 : 孟伟") == "收款人:赵娟;复核人:孟伟")
        #expect(
            RemarksText.cleaned("销方开户银行 :上海浦东发展银行股份有限公司东莞分行 ;银行账号 :5252486887669527;")
                == "销方开户银行:上海浦东发展银行股份有限公司东莞分行;银行账号:5252486887669527;")
    }

    @Test func givenColonAfterKeyReadAsSemicolonAndTrailingNoise_whenCleaned_thenTheColonAndNoNoise() {
        #expect(RemarksText.cleaned("收款人 ;赵娟 ;复核人 : 孟伟 ;") == "收款人:赵娟;复核人:孟伟;")
        #expect(RemarksText.cleaned("合同编号 : HT2019801421” 。") == "合同编号:HT2019801421")
        #expect(RemarksText.cleaned("车牌号 : 苏D19430 ，， |") == "车牌号:苏D19430")
    }

    @Test func givenFreeRemark_whenCleaned_thenUnchanged() {
        #expect(RemarksText.cleaned("代开企业名称某某公司 NO. 2024-17") == "代开企业名称某某公司 NO. 2024-17")
    }
}

@Suite struct ItemTextTests {
    @Test(arguments: [
        ("* 办公设备 * 激光打印机", "*办公设备*激光打印机"),
        ("*汽油*92 号车用汽油 (VIB)", "*汽油*92号车用汽油(VIB)"),
        ("运输服务*客运服务费", "*运输服务*客运服务费"),
        ("*电子产品*iPhone 15 Pro", "*电子产品*iPhone 15 Pro"),
        ("技术服务费", "技术服务费"),
    ])
    func givenOCRItemName_whenCleaned_thenAsPrinted(read: String, expected: String) {
        #expect(FieldText.itemName(read) == expected)
    }

    @Test(arguments: [
        ("606", "6%"), ("3046%", "3%"), ("1396", "13%"), ("13%", "13%"), ("1.5%", "1.5%"), ("10", "10%"),
        ("免税", "免税"), ("25", "25%"), (".6%", "6%"), (".60%", "6%"), ("13.%", "13%"),
    ])
    func givenOCRTaxRate_whenRead_thenTheLegalRateItStartsWith(read: String, expected: String) {
        #expect(FapiaoReader.taxRate(read) == expected)
    }
}

@Suite struct SealTextTests {
    @Test(arguments: [
        ("入住日期:09 月 23 日 -09 月 26 日武企业管理咨询", "昆明智远企业管理咨询有限公司", "入住日期:09 月 23 日 -09 月 26 日"),
        ("车牌号:川 B07937 公业餐饮管理", "合肥市弘业餐饮管理有限公司", "车牌号:川 B07937"),
        ("车牌号:苏 D19430 文化传", "成都市立新文化传媒有限公司", "车牌号:苏 D19430"),
        // Three glyphs of the name are only the seal when they stand apart after Latin print.
        ("车牌号:苏D19430 文化传", "成都市立新文化传媒有限公司", "车牌号:苏D19430"),
        ("运输至 文化传", "成都市立新文化传媒有限公司", "运输至 文化传"),
        // A remark that merely ends in a word of the name, or is too short a run, stays.
        ("送货至餐饮", "合肥市弘业餐饮管理有限公司", "送货至餐饮"),
        ("合同编号:HT2019801421", "昆明市盘龙区锦程五金店", "合同编号:HT2019801421"),
    ])
    func givenRemarkWithSealTextAtItsEnd_whenCleaned_thenTheSealIsLeftOut(
        read: String, seller: String, expected: String
    ) {
        #expect(RemarksText.withoutSealText(read, seller: seller) == expected)
    }
}
