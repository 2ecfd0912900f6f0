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


def test_list_cells_are_cut_or_padded_to_their_width_whatever_the_script() -> None:
    """The list's cells: Vietnamese takes the quick count (one cell a letter); wide and combining
    characters are measured by rich; either way a cell is exactly its width, and a cut shows "…"."""
    from rich.cells import cell_len

    from tracker.ui.assignment_list import _fit

    for text in ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Bắc Giang", "Đắk Lắk", "日本語のテキスト", "Sở Nội vu\u0323", ""):
        for width in range(2, 40):
            fitted = _fit(text, width)
            assert cell_len(fitted) == width, (text, width, fitted)
            assert fitted.endswith("… ") == (cell_len(text) > width - 1)
    assert _fit("Sở Nội vụ", 12) == "Sở Nội vụ   " and _fit("Sở Nội vụ", 8) == "Sở Nội… "
