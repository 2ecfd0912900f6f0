from tracker.core.text import fold, one_line, strip_controls


def test_fold_removes_case_and_diacritics_and_maps_d_stroke() -> None:
    assert fold("Sở Nội vụ") == fold("so noi vu") == "so noi vu"
    assert fold("ĐẦU TƯ") == "dau tu"
    assert fold("Đài Phát thanh") == "dai phat thanh"


def test_fold_treats_composed_and_decomposed_text_alike() -> None:
    decomposed = "Sở Tư pha\u0301p"  # "á" written as a + combining acute
    assert fold(decomposed) == fold("Sở Tư pháp") == "so tu phap"


def test_fold_collapses_whitespace() -> None:
    assert fold("  Sở   Y\ttế \n") == "so y te"


def test_control_sequences_are_stripped_before_display() -> None:
    hostile = "Sở Xây dựng\x1b[2J\x1b]0;owned\x07\x07 ok\x9b"
    assert strip_controls(hostile) == "Sở Xây dựng ok"
    assert one_line("line one\nline two\r\n") == "line one line two"
