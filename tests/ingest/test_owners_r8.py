"""Owner notations of local texts, eighth round: each test parses a small text written for it (in the genre's
notations, in our own words) and checks who the parser makes act where, and in which role."""

from __future__ import annotations

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from ingest.tasktable import Column, find_task_tables


def _owners(text: str) -> set[tuple[str, str, str, str]]:
    """(a name the body is written by, unit path, role, basis) for every responsibility of the parsed text."""
    doc = parse_text(text, DocumentMeta(slug="t", title="t"))
    written = {d.key: sorted({doc.source[m.start:m.end] for m in d.mentions} or {d.pref_label})[0]
               for d in doc.departments}
    return {(written[r.agent], r.unit_path, r.role.value, r.basis.value) for r in doc.responsibilities}


def _bodies(text: str) -> set[str]:
    doc = parse_text(text, DocumentMeta(slug="t", title="t"))
    return {doc.source[m.start:m.end] for d in doc.departments for m in d.mentions}


def test_a_column_of_leading_officials_is_not_the_lead_body_column():
    text = ("某县2024年重点任务分解表\n序号\t重点任务\t牵头县领导\t牵头单位\t责任单位\t完成时限\n"
            "1\t建成县城第二水厂\t赵志远\t县水利局\t县财政局、县住建局\t2024年11月底\n"
            "2\t改造农贸市场三处\t钱文、孙立\t县商务局\t各乡镇人民政府\t2024年9月\n")
    tables = find_task_tables(text)
    assert tables and Column.PERSON in tables[0].columns
    owners = _owners(text)
    leads = {o[0] for o in owners if o[2] == "lead"}
    assert {"县水利局", "县商务局"} <= leads
    assert not any(name in {"赵志远", "钱文", "孙立"} for name, *_ in owners)


def test_a_persons_cell_is_skipped_when_a_row_has_lost_an_empty_cell():
    text = ("某区2024年民生实事推进表\n序号 | 实事项目 | 年度目标 | 分管领导 | 牵头单位 | 协同单位 | 推进情况\n"
            "7 | 新建口袋公园十个 | 周海 | 区住建局 | 区城管局、各街道 | 已完成六个 |\n")
    owners = _owners(text)
    assert any(o[0] == "区住建局" and o[2] == "lead" for o in owners)
    assert any(o[0] == "区城管局" and o[2] == "participant" for o in owners)


def test_bare_names_in_hexagonal_brackets_share_the_level_of_the_first():
    # a provincial text's owner notes in 〔〕 whose later members drop 省 (教育厅, 科技厅)
    text = ("某省数字乡村建设实施方案\n一、重点任务\n（一）建设乡村信息基础设施。推进光纤网络进村入户。"
            "〔牵头单位：省通信管理局；责任单位：教育厅、科技厅〕\n"
            "（二）发展农村电商。建设县级物流配送中心。〔责任单位：省商务厅、农业农村厅、交通运输厅〕\n")
    owners = _owners(text)
    assert ("省通信管理局", "一（一）", "lead", "explicit") in owners
    assert {("教育厅", "一（一）", "participant", "explicit"), ("科技厅", "一（一）", "participant", "explicit"),
            ("农业农村厅", "一（二）", "participant", "explicit"),
            ("交通运输厅", "一（二）", "participant", "explicit")} <= owners


def test_a_bare_name_a_national_body_also_goes_by_takes_the_level_of_its_list():
    # 统计局, 能源局, 林业局 alone name national bodies; after 省发展改革委 in one note they are the province's
    text = ("某省能源保供工作方案\n一、主要任务\n（一）加强监测预警。建立能源运行日调度机制。"
            "（省发展改革委牵头，统计局、能源局、林业局配合）\n"
            "（二）保障重点用户。编制有序用电方案。（省发展改革委、统计局、税务局、药监局、知识产权局负责）\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="t", jurisdiction="广东省"))
    labels = {d.pref_label for d in doc.departments}
    assert {"广东省统计局", "广东省能源局", "广东省林业局", "广东省税务局", "广东省药监局", "广东省知识产权局"} <= labels
    assert not {"国家统计局", "国家能源局"} & labels


def test_an_owner_list_broken_after_its_comma_goes_on_to_the_next_line():
    text = ("某市营商环境实施方案\n一、重点任务\n1.推行帮办代办。设立企业服务专窗。\n牵头单位：市政务服务局\n"
            "配合单位：市数据局、\n各区县政府\n2.压减审批时限。推行告知承诺制。（牵头单位：市商务局；配合单位：市财政局、\n"
            "市人社局）\n3.加强宣传。开展政策宣讲。（牵头单位：市委宣传部）\n")
    owners = _owners(text)
    assert ("各区县政府", "一1", "participant", "explicit") in owners
    assert ("市人社局", "一2", "participant", "explicit") in owners
    assert ("市委宣传部", "一3", "lead", "explicit") in owners


def test_local_rules_name_supervision_and_approval_departments_by_their_sector():
    text = ("某市政府投资项目管理办法\n第一条 为规范政府投资项目管理，制定本办法。\n"
            "第二条 发展改革部门负责项目审批和年度计划。监察部门负责项目建设全过程的监督检查。"
            "行政审批部门负责办理施工许可。\n")
    owners = _owners(text)
    # 负责…监督检查: the one who oversees
    assert {("发展改革部门", "第二条", "lead", "explicit"), ("监察部门", "第二条", "supervisor", "explicit"),
            ("行政审批部门", "第二条", "lead", "explicit")} <= owners


def test_a_same_below_that_closes_a_sentence_of_its_own_states_no_reading_rule():
    # 下同 here carries 不再分工 to the notes below, not "the first named leads"
    text = ("某省物流体系建设实施方案\n一、主要任务\n（一）完善物流枢纽布局。建设国家物流枢纽。"
            "〔责任单位：省发展改革委、省交通运输厅、商务厅按职责分工负责。具体任务均涉及各市人民政府，不再分工，下同。〕\n"
            "（二）发展冷链物流。建设产地冷藏保鲜设施。〔责任单位：省农业农村厅、商务厅按职责分工负责〕\n")
    owners = _owners(text)
    assert ("省发展改革委", "一（一）", "lead", "inferred") in owners
    assert ("省农业农村厅", "一（二）", "lead", "inferred") in owners
    assert ("商务厅", "一（一）", "participant", "explicit") in owners


def test_a_table_copied_one_cell_a_line_with_its_bars_and_a_persons_column():
    text = ("附件\n某县2024年重点工作任务分解表\n序号 |\n工作任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n"
            "12 |\n新建城区小学一所，新增学位一千个。 |\n吴 强 |\n县教育局 |\n县住建局、县财政局 |\n"
            "13 |\n完成县医院门诊楼改造。 |\n郑 丽 |\n县卫健委 |\n县各有关单位 |\n")
    tables = find_task_tables(text)
    assert tables and len(tables[0].rows) == 2 and Column.PERSON in tables[0].columns
    owners = _owners(text)
    leads = {o[0] for o in owners if o[2] == "lead"}
    assert {"县教育局", "县卫健委"} <= leads
    assert any(o[0] == "县住建局" and o[2] == "participant" for o in owners)


def test_a_level_list_in_ascii_brackets_names_the_same_collective():
    # web copies write 各县(市、区) with ASCII brackets; the collective is the one 各县（市、区） names
    text = ("某市农业资金管理规定\n一、管理职责\n（一）市财政局负责专项资金预算管理。\n"
            "（二）各县(市、区)财政局负责本地专项资金的具体管理。\n（三）各市(州)人民政府要加强组织实施。\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="t"))
    labels = {d.pref_label for d in doc.departments}
    assert {"各县（市、区）财政局", "各市（州）人民政府"} <= labels
    written = {doc.source[m.start:m.end] for d in doc.departments for m in d.mentions}
    assert "各县(市、区)财政局" in written  # the mention is the text as written


def test_two_sectors_joined_by_and_before_one_department_are_two_departments():
    text = ("某市农业发展资金管理办法\n第一条 为规范专项资金管理，制定本办法。\n"
            "第二条 各级财政和农业农村部门应当对资金绩效目标开展绩效监控。\n"
            "第三条 县（市、区）财政和农业农村部门按照职责落实绩效管理工作。\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="t"))
    labels = {d.pref_label for d in doc.departments}
    assert {"各级财政部门", "各级农业农村部门", "县（市、区）财政部门", "县（市、区）农业农村部门"} <= labels
    acting = {(doc.departments[[d.key for d in doc.departments].index(r.agent)].pref_label, r.unit_path)
              for r in doc.responsibilities}
    assert {("各级财政部门", "第二条"), ("各级农业农村部门", "第二条"), ("县（市、区）财政部门", "第三条"),
            ("县（市、区）农业农村部门", "第三条")} <= acting


def test_a_body_charged_with_reviewing_what_others_submit_is_the_evaluator():
    text = ("某区科技创新奖励实施细则\n第一条 为落实科技创新政策，制定本细则。\n"
            "第二条 区科技局负责对申报企业取得的市级以上荣誉进行初审，区财政局负责提供企业纳税情况。\n")
    owners = _owners(text)
    assert ("区科技局", "第二条", "evaluator", "explicit") in owners
    assert ("区科技局", "第二条", "lead", "explicit") not in owners
    assert ("区财政局", "第二条", "lead", "explicit") in owners


def test_main_and_other_responsible_columns_are_lead_and_participant():
    text = ("某县2021年县政府重点工作任务分解表\n序号\t重点工作任务\t县政府分线领导\t主要责任单位\t其他责任单位\t完成时限\n"
            "1\t新建城区停车场三处\t刘洋\t县住建局\t县自然资源局、县城管局\t2021年10月\n"
            "2\t提质改造农村公路80公里\t陈静\t县交通运输局\t各乡镇人民政府\t2021年12月\n")
    owners = _owners(text)
    assert ("县住建局", "1", "lead", "explicit") in owners
    assert ("县城管局", "1", "participant", "explicit") in owners  # 县城管局: the bureau, no 县城 (county town)
    assert ("县交通运输局", "2", "lead", "explicit") in owners
    text = "某市2024年政府工作报告任务分工\n序号\t工作任务\t主办单位\t协办单位\n1\t新增城镇就业3万人\t市人社局\t市财政局\n"
    owners = {(o[0], o[2]) for o in _owners(text)}
    assert {("市人社局", "lead"), ("市财政局", "participant")} <= owners


def test_the_county_town_itself_is_no_body():
    assert not _bodies("某县实施方案\n一、重点任务\n1.提升县城管理水平。县城建设要加快，县城管网改造要加快。\n")


def test_a_hospital_and_a_foreign_affairs_office_listed_as_owners_are_bodies():
    text = ("某县医疗服务提升方案\n一、重点任务\n1.建设胸痛中心。（牵头单位：县卫健局；责任单位：县人民医院）\n"
            "2.引进境外医疗人才。（牵头单位：市外事办；配合单位：县卫健局）\n3.方便群众就医。在县城就诊的群众，可预约挂号。\n")
    owners = {(o[0], o[1], o[2]) for o in _owners(text)}
    assert ("县人民医院", "一1", "participant") in owners
    assert ("市外事办", "一2", "lead") in owners


def test_a_provinces_foreign_affairs_office_and_academy_of_social_sciences_are_bodies():
    text = ("某省对外交流合作方案\n一、重点任务\n1.举办国际论坛。（牵头单位：省外办；配合单位：省社科院、省商务厅）\n"
            "2.服务外来人员。省外来务工人员可以申请补贴，省外办理的手续予以认可。\n")
    owners = {(o[0], o[1], o[2]) for o in _owners(text)}
    assert {("省外办", "一1", "lead"), ("省社科院", "一1", "participant")} <= owners
    assert not any(o[1] == "一2" for o in owners)


def test_a_task_table_whose_cells_one_space_separates():
    text = ("某市文旅融合行动方案\n一、重点任务\n1.打造夜间消费街区。建设夜间消费集聚区。\n2.发展研学旅游。建设研学基地。\n"
            "附件\n重点任务分解表\n序号 重点任务 牵头单位 配合单位 完成时限\n"
            "1 打造夜间消费街区 市商务局 市文旅局、各区县人民政府 2025年12月底前\n"
            "2 发展研学旅游 市文旅局 市教育局 持续推进\n"
            "抄送：市委办公室。\n")
    tables = find_task_tables(text)
    assert tables and [r.cells[Column.LEAD].text for r in tables[0].rows] == ["市商务局", "市文旅局"]
    owners = {(o[0], o[1], o[2]) for o in _owners(text)}
    assert {("市商务局", "一1", "lead"), ("市文旅局", "一2", "lead"), ("市教育局", "一2", "participant")} <= owners


def test_a_sentence_with_spaces_is_no_single_space_table():
    text = "某市方案\n一、任务\n1.推进建设。序号 重点任务 牵头单位 配合单位 写在句中不是表头。\n2 发展 市商务局 市财政局\n"
    assert not find_task_tables(text)


def test_checking_what_others_state_is_a_review_but_a_charged_share_stays_a_lead():
    text = ("某县技改贴息办法\n第一条 为支持企业技术改造，制定本办法。\n"
            "第二条 县工信局负责项目受理；县发改局负责核查项目备案信息。\n"
            "第三条 县工信局会同县财政局审核申报材料；县发改局核查备案信息。\n")
    owners = {(o[0], o[1], o[2]) for o in _owners(text)}
    assert ("县发改局", "第二条", "lead") in owners
    assert ("县发改局", "第三条", "evaluator") in owners


def test_a_review_among_the_duties_a_body_is_charged_with_makes_it_review_too():
    text = ("某市专项资金管理办法\n第一条 为规范资金管理，制定本办法。\n"
            "第二条 市财政局负责资金预算管理，会同市科技局制定管理制度，审核资金分配方案，下达资金预算。\n"
            "第三条 市科技局负责编制申报指南，组织项目申报、审核和绩效管理。\n")
    owners = {(o[0], o[1], o[2]) for o in _owners(text)}
    assert {("市财政局", "第二条", "lead"), ("市财政局", "第二条", "evaluator")} <= owners
    assert ("市科技局", "第三条", "lead") in owners
    assert ("市科技局", "第三条", "evaluator") not in owners  # the review is a work it organises, not its own duty


def test_places_told_to_follow_or_see_to_a_measure_in_a_note_carry_it_out():
    text = ("某市稳就业若干措施\n一、措施\n1.减免房屋租金。免除3个月租金。（市国资委负责，各区县政府参照执行）\n"
            "2.发放稳岗补贴。（市人社局牵头，市财政局配合，各区县政府抓好落实）\n"
            "二、其他\n以上意见如无不妥，请批转各区县政府执行。\n")
    owners = {(o[0], o[1], o[2]) for o in _owners(text)}
    assert {("市国资委", "一1", "lead"), ("各区县政府", "一1", "implementer"),
            ("各区县政府", "一2", "implementer"), ("市人社局", "一2", "lead")} <= owners
    assert not any(o[1] == "二" for o in owners)  # the addressees of a text sent on to them carry out nothing here


def test_a_named_college_or_hospital_in_a_list_of_owners_is_a_body_a_kind_of_them_is_none():
    text = ("某市产教融合实施方案\n一、重点任务\n1.共建产业学院。（市教育局牵头，青禾职业技术学院、青禾师范学院配合）\n"
            "2.建设区域医疗中心。（牵头单位：市卫健委；配合单位：青禾市第一医院）\n"
            "3.推进校企合作。（市人社局牵头，各高校、有关医院配合）\n")
    names = _bodies(text)
    assert {"青禾职业技术学院", "青禾师范学院", "青禾市第一医院"} <= names
    assert not {"各高校", "有关医院"} & names
