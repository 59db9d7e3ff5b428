"""Chinese capital amounts (大写) as printed on fapiao (价税合计（大写）).

Rules (FAPIAO.md section 4, with the fapiao software's choices):
  * digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside a 4-digit group, group units 万 亿;
  * 10-19 are written 壹拾...;
  * zeros between digits collapse to one 零; a group that starts with zeros after a
    non-zero higher group gets one 零 (10600 -> 壹万零陆佰圆整);
  * no 零 between 圆 and 角 (107000.53 -> 壹拾万柒仟圆伍角叁分);
  * 角 = 0 and 分 != 0 -> 圆零X分 (19.05 -> 壹拾玖圆零伍分);
  * 整 only directly after 圆 (no 整 after 角, none after 分).
"""

from decimal import Decimal, ROUND_HALF_UP

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ["仟", "佰", "拾", ""]
GROUP_UNITS = ["", "万", "亿", "万亿"]


def _group(n):
    """Capitals for 0 < n < 10000 without leading 零."""
    out = []
    s = "%04d" % n
    pending_zero = False
    started = False
    for ch, unit in zip(s, SMALL_UNITS):
        d = int(ch)
        if d == 0:
            if started:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[d] + unit)
        started = True
    return "".join(out)


def integer_capitals(n):
    """Capitals for a non-negative integer (no currency unit); "" for 0."""
    if n < 0:
        raise ValueError("negative")
    groups = []
    while n > 0:
        groups.append(n % 10000)
        n //= 10000
    out = []
    zero_pending = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            if out:
                zero_pending = True
            continue
        if out and (zero_pending or g < 1000):
            out.append("零")
        zero_pending = False
        out.append(_group(g) + GROUP_UNITS[i])
    return "".join(out)


def amount_in_words(amount):
    """价税合计（大写） for a Decimal (or str) amount, e.g. 15.94 -> 壹拾伍圆玖角肆分."""
    d = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if d < 0:
        return "负" + amount_in_words(-d)
    cents = int(d * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    head = integer_capitals(yuan)
    if yuan == 0 and rest == 0:
        return "零圆整"
    out = head + ("圆" if yuan else "")
    if jiao == 0 and fen == 0:
        return out + "整"
    if jiao:
        out += DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen:
        out += DIGITS[fen] + "分"
    return out


EXAMPLES = [
    ("15.94", "壹拾伍圆玖角肆分"),
    ("19.05", "壹拾玖圆零伍分"),
    ("19.70", "壹拾玖圆柒角"),
    ("10600", "壹万零陆佰圆整"),
    ("20000", "贰万圆整"),
    ("1137", "壹仟壹佰叁拾柒圆整"),
    ("16409.02", "壹万陆仟肆佰零玖圆零贰分"),
    ("6007.14", "陆仟零柒圆壹角肆分"),
    ("107000.53", "壹拾万柒仟圆伍角叁分"),
    ("1680.32", "壹仟陆佰捌拾圆叁角贰分"),
    ("35421.69", "叁万伍仟肆佰贰拾壹圆陆角玖分"),
    ("100500", "壹拾万零伍佰圆整"),
    ("10.00", "壹拾圆整"),
    ("101010.10", "壹拾万壹仟零壹拾圆壹角"),
]
