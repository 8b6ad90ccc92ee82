"""The comparison form of body names: the ways one name is written meet, different bodies stay apart."""

import pytest

from ingest.nameforms import name_form


@pytest.mark.parametrize("names", [
    ("广州市发展和改革委员会", "广州市发展改革委", "广州市发改委"),
    ("区人力资源和社会保障局", "区人力资源社会保障局", "区人社局"),
    ("上海市人民政府办公厅", "上海市政府办公厅"),
    ("市规划和自然资源局", "市规划资源局"),
    ("省住房和城乡建设厅", "省住房城乡建设厅", "省住建厅"),
    ("市场监督管理总局", "市场监管总局"),
])
def test_ways_of_writing_one_name_have_one_form(names):
    assert len({name_form(n) for n in names}) == 1


@pytest.mark.parametrize("one, other", [
    ("市发展改革委", "区发展改革委"),  # another level
    ("市人社局", "市人社厅"),  # another kind of body
    ("市科委", "市科技局"),  # two bodies a city may have side by side
    ("工业和信息化部", "工业和信息化局"),
])
def test_different_bodies_keep_different_forms(one, other):
    assert name_form(one) != name_form(other)
