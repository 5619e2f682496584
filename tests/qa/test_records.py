"""What the records module reads in a question for every list across the archive."""

from danvan_qa.qa.records import counts


def test_a_count_asked_as_a_tally_is_a_count():
    assert counts("thong ke so truong ban dan van tinh uy duoc neu ten", "thống kê số Trưởng ban Dân vận Tỉnh ủy được nêu tên")
    assert not counts("thong ke cac truong ban dan van", "thống kê các Trưởng ban Dân vận")  # a list
    assert not counts("thong ke so hieu cac chuong trinh", "Thống kê số hiệu các chương trình")  # their numbers
