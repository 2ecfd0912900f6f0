"""The drafter's rules, one small text per phrase pattern (numbering, roles, groups, deadlines, noise)."""

from __future__ import annotations

from datetime import date

from tracker.drafting.agencies import KnownNames
from tracker.drafting.build import draft_lines
from tracker.drafting.model import Draft, DraftTask

LETTERHEAD = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nam, ngày 3 tháng 3 năm 2021

KẾ HOẠCH
Triển khai chuyển đổi số năm 2021

"""


def draft(body: str, known: KnownNames | None = None, head: str = LETTERHEAD) -> Draft:
    return draft_lines((head + body).split("\n"), known, lang="en")


def by_ref(found: Draft) -> dict[str, DraftTask]:
    return {task.ref: task for task in found.tasks}


def test_numbering_paths_dotted_letters_parentheses_roman_and_bullets() -> None:
    found = by_ref(
        draft(
            "I. NHIỆM VỤ\n"
            "1. Nhiệm vụ chung\n"
            "1.1. Sở Xây dựng rà soát quy hoạch.\n"
            "1.2. Sở Y tế:\n"
            "a) Xây dựng kế hoạch tiêm chủng.\n"
            "b) Tổ chức tập huấn.\n"
            "2. Nhiệm vụ khác\n"
            "(1) Sở Công Thương: Kiểm tra thị trường.\n"
            "(2) Sở Tư pháp tham mưu cho UBND tỉnh ban hành quy định.\n"
            "II. TỔ CHỨC THỰC HIỆN\n"
            "- Sở Kế hoạch và Đầu tư tổng hợp báo cáo.\n"
            "- Sở Tài chính bố trí kinh phí.\n"
        )
    )
    assert sorted(found) == ["1.1", "1.2.a", "1.2.b", "I.2.(1)", "I.2.(2)", "II.a", "II.b"]
    assert found["1.2.a"].lead == ["Sở Y tế"] and found["1.2.a"].text == "Xây dựng kế hoạch tiêm chủng."
    assert found["I.2.(1)"].lead == ["Sở Công Thương"] and found["I.2.(1)"].text == "Kiểm tra thị trường."
    assert found["I.2.(2)"].lead == ["Sở Tư pháp"]  # the name is cut where the sentence goes on
    assert found["II.b"].lead == ["Sở Tài chính"]


def test_the_same_short_ref_twice_gets_the_full_path() -> None:
    found = by_ref(
        draft("I. NHIỆM VỤ NĂM 2021\n2.1. Sở Y tế tổ chức.\nII. NHIỆM VỤ NĂM 2022\n2.1. Sở Xây dựng tổ chức.\n")
    )
    assert set(found) == {"I.2.1", "II.2.1"}


def test_section_addressed_to_an_agency_leads_its_verb_first_parts() -> None:
    found = by_ref(
        draft(
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
            "- Chủ trì, phối hợp với Sở Thông tin và Truyền thông xây dựng phần mềm.\n"
            "- Phối hợp với Văn phòng UBND tỉnh tổ chức hội nghị.\n"
            "2. Sở Tài chính\nPhối hợp với Sở Nội vụ tham mưu bố trí kinh phí.\n"
        )
    )
    assert found["III.1.a"].lead == ["Sở Nội vụ"]
    assert found["III.1.a"].coordinating == ["Sở Thông tin và Truyền thông"]
    assert found["III.1.b"].coordinating == ["Văn phòng UBND tỉnh"]
    assert (found["III.2"].lead, found["III.2"].coordinating) == (["Sở Tài chính"], ["Sở Nội vụ"])
    assert found["III.2"].text.startswith("Phối hợp với Sở Nội vụ")


def test_x_leads_y_coordinates() -> None:
    found = by_ref(
        draft(
            "II. NHIỆM VỤ\n"
            "1. Sở Y tế chủ trì, Sở Tài chính, Sở Nội vụ phối hợp xây dựng đề án.\n"
            "2. Giao Sở Tư pháp chủ trì, phối hợp với Công an tỉnh rà soát văn bản.\n"
            "3. UBND tỉnh giao Sở Xây dựng hướng dẫn các địa phương.\n"
        )
    )
    assert (found["II.1"].lead, found["II.1"].coordinating) == (["Sở Y tế"], ["Sở Tài chính", "Sở Nội vụ"])
    assert (found["II.2"].lead, found["II.2"].coordinating) == (["Sở Tư pháp"], ["Công an tỉnh"])
    assert found["II.3"].lead == ["Sở Xây dựng"]  # the one who assigns does not lead


def test_groups_of_agencies_lead() -> None:
    found = by_ref(
        draft(
            "II. NHIỆM VỤ\n"
            "1. Các sở, ban, ngành cấp tỉnh và các cơ quan Trung ương đóng trên địa bàn tỉnh báo cáo kết quả.\n"
            "2. UBND các huyện, thị xã, thành phố:\nXây dựng kế hoạch của địa phương.\n"
        )
    )
    assert found["II.1"].lead == ["Các sở, ban, ngành cấp tỉnh", "các cơ quan Trung ương đóng trên địa bàn tỉnh"]
    assert found["II.2"].lead == ["UBND các huyện, thị xã, thành phố"]
    assert found["II.2"].text == "Xây dựng kế hoạch của địa phương."


def test_deadline_phrases() -> None:
    found = by_ref(
        draft(
            "II. NHIỆM VỤ\n"
            "1. Sở Y tế báo cáo Chủ tịch UBND tỉnh trước 30/4/2020, đồng thời gửi Sở Nội vụ 01 bản.\n"
            "2. Sở Nội vụ tổ chức hội nghị vào quý III năm 2020.\n"
            "3. Sở Tài chính báo cáo hằng năm.\n"
            "4. Các sở, ngành gửi báo cáo trước ngày 20 hằng tháng.\n"
            "5. Sở Xây dựng phấn đấu năm 2019 hoàn thành quy hoạch.\n"
            "6. Sở Kế hoạch và Đầu tư thực hiện Nghị quyết số 19 hàng năm của Chính phủ và Nghị quyết số "
            "35/NQ-CP ngày 16/5/2016.\n"
            "7. Sở Công Thương hoàn thành chậm nhất ngày 15 tháng 5 năm 2020.\n"
        )
    )
    assert (found["II.1"].deadline, found["II.1"].due_on) == ("trước 30/4/2020", date(2020, 4, 30))
    assert (found["II.2"].deadline, found["II.2"].due_on) == ("vào quý III năm 2020", date(2020, 9, 30))
    assert (found["II.3"].deadline, found["II.3"].due_on) == ("hằng năm", None)
    assert (found["II.4"].deadline, found["II.4"].due_on) == ("trước ngày 20 hằng tháng", None)
    assert (found["II.5"].deadline, found["II.5"].due_on) == ("phấn đấu năm 2019", date(2019, 12, 31))
    assert (found["II.6"].deadline, found["II.6"].due_on) == ("", None)  # cited documents' dates are not deadlines
    assert found["II.7"].due_on == date(2020, 5, 15)


def test_a_parent_deadline_applies_to_its_parts() -> None:
    found = by_ref(
        draft(
            "II. NHIỆM VỤ\n1. Các sở báo cáo Chủ tịch UBND tỉnh trước 20/5/2020. Cụ thể:\n"
            "(1) Sở Tư pháp: Tổng kết chuyên đề thể chế.\n(2) Sở Nội vụ: Tổng kết chuyên đề tổ chức bộ máy.\n"
        )
    )
    assert {ref: (t.lead, t.due_on) for ref, t in found.items()} == {
        "II.1.(1)": (["Sở Tư pháp"], date(2020, 5, 20)),
        "II.1.(2)": (["Sở Nội vụ"], date(2020, 5, 20)),
    }


REPORT_HEAD = "SỞ NỘI VỤ\nSố: 25/BC-SNV\nBắc Giang, ngày 25 tháng 02 năm 2020\n\nBÁO CÁO\nKết quả công tác tháng 02\n\n"


def test_a_report_holds_tasks_only_under_its_heading_of_tasks_which_sets_their_deadline() -> None:
    found = draft(
        "I. KẾT QUẢ THỰC HIỆN\n1. Sở Tư pháp đã ban hành kế hoạch.\n"
        "II. ĐÁNH GIÁ CHUNG\n1. Ưu điểm\nCác sở thực hiện tốt.\n"
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 3 NĂM 2020\n1. Triển khai kế hoạch cải cách hành chính.\n"
        "2. Sở Thông tin và Truyền thông khắc phục lỗi phần mềm.\n"
        "Trên đây là kết quả công tác tháng 02, Sở Nội vụ báo cáo Chủ tịch UBND tỉnh./.\n",
        head=REPORT_HEAD,
    )
    tasks = by_ref(found)
    assert sorted(tasks) == ["III.1", "III.2"]
    assert {t.due_on for t in tasks.values()} == {date(2020, 3, 31)}
    assert tasks["III.1"].deadline == "tháng 3 năm 2020"
    assert tasks["III.1"].lead == ["Sở Nội vụ"] and "Sở Nội vụ" in tasks["III.1"].doubts  # the reporting agency
    assert tasks["III.2"].lead == ["Sở Thông tin và Truyền thông"]


def test_the_distribution_list_is_not_tasks() -> None:
    found = draft(
        "II. NHIỆM VỤ\n1. Sở Y tế tổ chức thực hiện./.\n\nNơi nhận:\n- Sở Nội vụ;\n- Sở Tài chính;\n- Lưu: VT.\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
    )
    assert [(t.ref, t.lead) for t in found.tasks] == [("II.1", ["Sở Y tế"])]
    assert found.tasks[0].text == "Sở Y tế tổ chức thực hiện."


def test_scanning_noise_page_numbers_footnotes_lost_diacritics_and_letterhead_fragments() -> None:
    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSỞ TƯ PHÒNG: 34 /KH-UBND\nĐẾN: 303\nSố: 66/2\n"
        "Thanh Hóa, ngày 05 tháng 02 năm 2020\n\nKẾ HOẠCH\nTổng kết chương trình\n\n"
    )
    found = draft(
        "II. NHIỆM VỤ\n"
        "1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính xây dựng báo cáo tổng kết theo Kế hoạch¹ của\n\n"
        "¹ Kế hoạch số 4476/KH-UBND ngày 13/12/2019\n\n- 2 -\n\n"
        "tỉnh, báo cáo trước 20/6/2020.\n"
        "2. So Tu phap chu tri, phoi hop voi So Noi vu ra soat van ban, hoan thanh truoc 30/4/2020.\n",
        head=head,
    )
    tasks = by_ref(found)
    assert (found.number, found.issued_on, found.kind) == ("34/KH-UBND", date(2020, 2, 5), "Kế hoạch")
    assert found.issuer == "UBND tỉnh Thanh Hóa"
    first = tasks["II.1"]
    assert first.text.endswith("theo Kế hoạch của tỉnh, báo cáo trước 20/6/2020.")
    assert (first.lead, first.coordinating, first.due_on) == (["Sở Nội vụ"], ["Sở Tài chính"], date(2020, 6, 20))
    second = tasks["II.2"]
    assert (second.lead, second.coordinating, second.due_on) == (["So Tu phap"], ["So Noi vu"], date(2020, 4, 30))


def test_names_are_matched_against_the_database_names_and_aliases() -> None:
    known = KnownNames.of(
        [
            ("Sở Thông tin và Truyền thông", ["Sở TT&TT"], False),
            ("Sở Tư pháp", ["STP"], False),
            ("UBND các huyện, thị xã, thành phố", ["UBND cấp huyện"], True),
        ]
    )
    found = by_ref(
        draft(
            "II. NHIỆM VỤ\n1. Sở TT&TT chủ trì, phối hợp với So Tu phap triển khai.\n"
            "2. UBND cấp huyện rà soát.\n3. Sở Thủy sản tham mưu cho UBND tỉnh.\n",
            known,
        )
    )
    assert (found["II.1"].lead, found["II.1"].coordinating) == (["Sở Thông tin và Truyền thông"], ["Sở Tư pháp"])
    assert found["II.2"].lead == ["UBND các huyện, thị xã, thành phố"]
    assert found["II.3"].lead == ["Sở Thủy sản"] and "Sở Thủy sản" in found["II.3"].doubts  # not in the list


def test_header_fields_not_found_are_empty_and_noted() -> None:
    found = draft("II. NHIỆM VỤ\n1. Sở Y tế tổ chức.\n", head="")
    assert (found.number, found.issued_on, found.issuer) == ("", None, "")
    doubts = found.doubts_text
    assert "number" in doubts and "Date of issue" in doubts and "Issuing body" in doubts


def test_a_chairman_issues_an_instruction() -> None:
    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 05/CT-UBND\nTuyên Quang, ngày 1 tháng 4 năm 2021\n\n"
        "CHỈ THỊ\nVề việc tăng cường kỷ luật hành chính\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\n\n"
    )
    found = draft("1. Sở Nội vụ kiểm tra đột xuất.\n", head=head)
    assert (found.kind, found.number, found.issuer) == ("Chỉ thị", "05/CT-UBND", "Chủ tịch UBND tỉnh Tuyên Quang")
    assert found.title == "tăng cường kỷ luật hành chính"
    assert [t.ref for t in found.tasks] == ["1"]


def test_no_numbered_sections_is_a_problem_with_the_header_kept() -> None:
    found = draft("Các sở tổ chức thực hiện kế hoạch này.\n")
    assert found.problem is not None and found.problem.key == "draft.error.no_sections"
    assert "12/KH-UBND" in str(found.problem)
    assert found.number == "12/KH-UBND" and not found.tasks


def test_sections_without_an_agency_are_left_out_and_named() -> None:
    found = draft(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm chất lượng.\nII. NỘI DUNG\n1. Tự đánh giá kết quả.\n2. Sở Y tế tổ chức.\n"
    )
    assert [t.ref for t in found.tasks] == ["II.2"]
    assert found.doubts_text.endswith("left out: II.1.")  # aims (I.1) are not tasks at all
