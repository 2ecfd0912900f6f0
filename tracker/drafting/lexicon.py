"""Names of the agencies a provincial directive usually addresses, as the standard organisation of a
province has them (Decree 107/2020/NĐ-CP and the usual provincial bodies), for documents drafted on a
database that has no agency list yet. Spellings without diacritics match too (names are folded)."""

from __future__ import annotations

DEPARTMENTS = (
    "Văn phòng UBND tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Văn phòng HĐND tỉnh",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Nông nghiệp và Môi trường",
    "Sở Giao thông vận tải",
    "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông",
    "Sở Thông tin truyền thông",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Lao động, Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao",
    "Sở Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Ngoại vụ",
    "Sở Dân tộc và Tôn giáo",
    "Thanh tra tỉnh",
    "Ban Dân tộc",
    "Ban Dân tộc tỉnh",
    "Ban Quản lý các khu công nghiệp",
    "Ban Quản lý các KCN",
    "Ban Quản lý Khu kinh tế",
    "Ban Thi đua - Khen thưởng",
    "Ban Tôn giáo",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Cục Thuế tỉnh",
    "Cục Thống kê tỉnh",
    "Cục Hải quan tỉnh",
    "Kho bạc Nhà nước tỉnh",
    "Ngân hàng Nhà nước chi nhánh tỉnh",
    "Trường Chính trị tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Tỉnh đoàn",
    "Hội Nông dân tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Hội Cựu chiến binh tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Viện Kiểm sát nhân dân tỉnh",
    "Tòa án nhân dân tỉnh",
    "Trung tâm Phục vụ hành chính công tỉnh",
    "Đài Phát thanh và Truyền hình",
    "Bưu điện tỉnh",
    "UBND tỉnh",
    "Ủy ban nhân dân tỉnh",
)

PLACE_TAKING = ("Đài Phát thanh và Truyền hình", "Báo", "Điện lực", "Bưu điện")
"""Names that a place completes: "Đài Phát thanh và Truyền hình Thanh Hóa", "Báo Bắc Giang"."""

HEADS = (
    "Sở", "Ban", "Văn phòng", "Đài", "Báo", "Công an", "Cục", "Chi cục", "Thanh tra", "Kho bạc", "Bảo hiểm",
    "Trung tâm", "Hội", "Liên đoàn", "Ủy ban", "UBND", "Trường", "Bệnh viện", "Viện", "Tòa án", "Ngân hàng",
    "Điện lực", "Bưu điện", "Bộ Chỉ huy", "Tỉnh đoàn", "Tổng công ty", "Công ty", "Phòng", "Học viện", "Bộ",
)  # fmt: skip
"""Words an agency's name starts with, for names neither the database nor :data:`DEPARTMENTS` knows."""

GROUP_WORDS = (
    "so", "ban", "nganh", "co quan", "don vi", "dia phuong", "cap", "tinh", "huyen", "thi xa", "thanh pho", "xa",
    "phuong", "thi tran", "truc thuoc", "thuoc", "ubnd", "uy ban nhan dan", "trung uong", "dong", "tren", "dia ban",
    "lien quan", "co", "chuyen mon", "hanh chinh", "nha nuoc", "su nghiep", "cong lap", "doanh nghiep", "to chuc",
    "doan the", "chinh tri", "xa hoi", "chinh tri - xa hoi", "thong tin", "bao chi", "cac", "va", "nganh doc",
    "hoi", "doan", "khoi", "tham muu", "giup viec", "mat tran", "to quoc", "truong", "phong", "dai", "truyen thanh",
)  # fmt: skip
"""Folded words a group of agencies is written with: "các sở, ban, ngành cấp tỉnh", "các cơ quan Trung ương
đóng trên địa bàn tỉnh", "UBND các huyện, thị xã, thành phố"."""

GROUP_STARTS = (
    "cac so", "cac ban", "cac nganh", "cac co quan", "cac don vi", "cac dia phuong", "cac cap", "cac huyen",
    "cac xa", "cac phong", "cac doanh nghiep", "cac to chuc", "cac hoi", "cac doan the", "cac truong",
    "ubnd cac", "ubnd cap", "uy ban nhan dan cac", "uy ban nhan dan cap", "so, ban, nganh", "so, nganh",
    "cac thanh vien", "dai truyen thanh cac",
)  # fmt: skip
