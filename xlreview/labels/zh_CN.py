"""Labels in Simplified Chinese: key -> text. Keep the keys in step with the other catalogue."""

LABELS: dict[str, str] = {
    'sheet.roi_matrix': '渠道ROI矩阵',
    'sheet.funnel': '全链路漏斗',
    'sheet.events': '活动复盘',
    'sheet.monthly': '月度分布',
    'sheet.sales_cycle': '成交周期',
    'sheet.pipeline': '商机结转',
    'sheet.goal_review': '目标回顾',
    'sheet.share_of_voice': '声量份额',
    'sheet.data_check': '数据检查',
    'sheet.targets': '目标拆解',
    'sheet.plan_quarterly': '季度拆解',
    'sheet.plan_monthly': '月度拆解',
    'sheet.plan_weekly': '周拆解',
    'sheet.budget': '市场预算',
    'sheet.workplan': '年度工作计划',
    'sheet.dashboard': '一页纸看板',
    'sheet.message_house': '信息屋',
    'sheet.how_to': '使用说明',
    'sheet.actions': '改进行动',
    'col.channel': '渠道',
    'col.campaign': '活动',
    'col.cost': '费用',
    'col.visits': '访问量',
    'col.leads': '线索',
    'col.mql': 'MQL',
    'col.sql': 'SQL',
    'col.opp': '商机',
    'col.won': '成交客户',
    'col.revenue': '成交额',
    'col.cpl': '单线索费用',
    'col.cost_per_mql': '单MQL费用',
    'col.cost_per_sql': '单SQL费用',
    'col.cost_per_opp': '单商机费用',
    'col.cac': 'CAC（获客费用）',
    'col.roas': '投产比',
    'col.roi': 'ROI',
    'col.quadrant': '象限',
    'col.stage': '阶段',
    'col.count_period': '数量（期间）',
    'col.count_cohort': '数量（当年线索跟进）',
    'col.conversion': '转化率',
    'col.median_days': '中位天数',
    'col.p80_days': '80分位天数',
    'col.month': '月份',
    'col.lead_type': '客户类型',
    'col.deals': '成交数',
    'col.module': '模块',
    'col.layer': '层级',
    'col.goal': '目标',
    'col.target': '目标值',
    'col.actual': '实际值',
    'col.completion': '完成率',
    'col.status': '状态',
    'col.gap': '差距',
    'col.severity': '级别',
    'col.sheet': '工作表',
    'col.row': '行',
    'col.column': '列',
    'col.message': '说明',
    'col.share': '占比',
    'col.avg_deal': '平均客单价',
    'col.rate_source': '转化率来源',
    'col.implied_cost': '所需费用',
    'col.bottom_up_leads': '自下而上线索',
    'col.type': '类型',
    'col.last_year_cost': '去年费用',
    'col.planned_cost': '计划费用',
    'col.change': '变化',
    'col.expected_leads': '预计线索',
    'col.expected_revenue': '预计成交额',
    'col.marginal_roi': '边际ROI',
    'col.min': '下限',
    'col.max': '上限',
    'col.locked': '锁定',
    'col.fit': '拟合',
    'col.quarter': '季度',
    'col.week': '周',
    'col.platform': '平台',
    'col.mentions': '提及量',
    'col.rank': '排名',
    'value.total': '合计',
    'value.achieved': '达成',
    'value.at_risk': '有风险',
    'value.missed': '未达成',
    'value.star': '明星：量大质优',
    'value.volume': '流量型：量大质低',
    'value.quality': '精品型：量小质优',
    'value.question': '问题型：量小质低',
    'value.lead': '线索',
    'value.mql': 'MQL',
    'value.sql': 'SQL',
    'value.opp': '商机',
    'value.won': '成交客户',
    'value.new': '新客户',
    'value.existing': '老客户',
    'value.all': '全部',
    'value.error': '错误',
    'value.warning': '警告',
    'value.info': '提示',
    'value.completion': '完成层',
    'value.effect': '效果层',
    'value.roi': 'ROI层',
    'value.channel': '渠道',
    'value.overall': '整体',
    'value.proven': '成熟渠道',
    'value.experiment': '实验渠道',
    'value.headcount': '人员',
    'value.unassigned': '（无渠道）',
    'cli.rebuilt': '已重建 {path}：生成 {count} 个工作表',
    'cli.data_check': '数据检查：{errors} 个错误，{warnings} 个警告，{infos} 条提示',
    'cli.more_rows': '  …… 另有 {count} 行，见数据检查表',
    'col.lead_to_mql': '线索→MQL',
    'col.mql_to_sql': 'MQL→SQL',
    'col.sql_to_opp': 'SQL→商机',
    'col.opp_to_won': '赢单率',
    'col.customers': '成交客户',
    'col.pick': '采用',
    'col.plan_leads': '计划线索',
    'col.programme_budget': '项目预算',
    'col.budget': '预算',
    'col.week_start': '周起始日',
    'col.needed_before_year': '年初前所需',
    'col.pipeline_carried': '在途结转',
    'col.name': '名称',
    'col.owner': '负责人',
    'col.start': '开始',
    'col.end': '结束',
    'col.kpi': 'KPI',
    'col.problem': '问题',
    'col.root_cause': '根因',
    'col.action': '改进措施',
    'col.due': '截止日期',
    'col.role': '岗位',
    'col.headcount': '人数',
    'col.okr': 'OKR',
    'value.top_down': '自上而下',
    'value.bottom_up': '自下而上',
    'msg.plan_no_target': '设置中没有营收目标：漏斗目标留空',
    'msg.plan_no_deal_size': (
        '没有平均客单价：请在设置表中填写平均客单价（历史数据中没有成交金额）'
    ),
    'msg.plan_zero_target': '营收目标为 0：所有漏斗目标均为 0',
    'msg.plan_bad_rate': '历史转化率 {rate} 为 0 或空：该阶段之前的目标留空',
    'msg.plan_no_spend': '渠道 {channel} 没有费用：其单线索费用和所需费用留空',
    'msg.plan_bad_rate_many': '{count} 个历史转化率为 0 或空（{names}）：这些阶段之前的目标留空',
    'msg.plan_no_spend_many': '{count} 个渠道没有费用（{names}）：其单线索费用和所需费用留空',
    'msg.plan_short_history': '历史数据不足一年：月度目标按平均分配',
    'msg.plan_no_won_history': '历史数据中没有成交：月度目标按平均分配',
    'msg.plan_lead_time_gap': '{stage}：年初前需要的 {gap:,.0f} 个未被在途结转覆盖',
    'msg.plan_no_budget': (
        '设置中没有总预算：项目预算跟随目标，取目标所需费用加实验预算比例（{amount:,.2f}）'
    ),
    'msg.plan_no_budget_at_all': '设置中没有总预算，目标也无法推算费用：项目预算为 0',
    'msg.plan_budget_below_headcount': (
        '总预算 {budget:,.2f} 低于人员费用 {headcount:,.2f}：项目预算为 0'
    ),
    'msg.plan_budget_below_locked': (
        '成熟渠道预算 {budget:,.2f} 低于锁定金额合计 {locked:,.2f}：锁定金额按比例缩减，其他'
        '渠道为 0'
    ),
    'msg.plan_budget_below_min': (
        '成熟渠道预算 {budget:,.2f} 低于各渠道下限合计 {minimum:,.2f}：下限按比例缩减'
    ),
    'msg.plan_budget_above_max': (
        '成熟渠道预算 {budget:,.2f} 高于各渠道上限合计 {maximum:,.2f}：超出部分按比例分配'
    ),
    'msg.plan_curve_note': '预算响应曲线是根据月度费用与结果得出的相关性估计，并非因果证明',
    'title.fit_power': '幂函数曲线 y = {a:.4g}·x^{b:.2f}，R² {r2:.2f}，{n} 个月',
    'title.fit_flat': '固定比率：每单位费用 {rate:.4g}（{reason}）',
    'title.fit_none': '无费用历史：无曲线',
    'title.fit_experiment': '实验渠道：无曲线',
    'value.fit_few_months': '不足 6 个月',
    'value.fit_no_diminishing': '无边际递减，b ≥ 1',
    'value.fit_weak': '拟合较弱，R² < 0.3',
    'col.share_override': '占比调整',
    'msg.sheet_missing': '未找到工作表 {sheet}：按无数据处理',
    'msg.settings_missing': '未找到工作表 {sheet}：使用默认设置',
    'msg.header_missing': '前 10 行中没有找到表头（应包含 {columns} 等列）',
    'msg.column_missing': '工作表 {sheet} 缺少必填列 {column}',
    'msg.excel_error': '单元格 {cell} 是 Excel 错误值 {value}：已忽略',
    'msg.excel_error_many': (
        '{count} 个单元格是 Excel 错误值，如 {examples}（单元格 {rows} …）：已忽略'
    ),
    'msg.not_a_number': '“{value}”不是数字：已忽略',
    'msg.not_a_number_many': '{count} 个值不是数字，如 {examples}（第 {rows} 行 …）：已忽略',
    'msg.not_a_date': '“{value}”不是日期：留空',
    'msg.not_a_date_many': '{count} 个值不是日期，如 {examples}（第 {rows} 行 …）：留空',
    'msg.not_a_month': '“{value}”不是月份：该行已忽略',
    'msg.not_a_month_many': '{count} 个值不是月份，如 {examples}（第 {rows} 行 …）：这些行已忽略',
    'msg.negative': '负数 {value}：已忽略',
    'msg.negative_many': '{count} 个负数，如 {examples}（第 {rows} 行 …）：已忽略',
    'msg.required_blank': '必填值为空：该行已忽略',
    'msg.required_blank_many': '{count} 行的必填值为空（第 {rows} 行 …）：这些行已忽略',
    'msg.duplicate_id': 'ID {value} 重复（首次出现在第 {first} 行）：该行已忽略',
    'msg.duplicate_id_many': '{count} 个重复 ID，如 {examples}（第 {rows} 行 …）：这些行已忽略',
    'msg.ambiguous_dates': (
        '所有日期既可按日在前也可按月在前理解：已按{order}读取。请在字段映射表中填写日期格式'
        '以确认'
    ),
    'msg.stage_order': '日期 {value} 早于前一阶段 {earlier}（{earlier_value}）',
    'msg.stage_order_many': '{count} 个日期早于前一阶段 {earlier}，如 {examples}（第 {rows} 行 …）',
    'msg.backfilled': '为空但后续阶段有日期：已用 {later}（{value}）补齐',
    'msg.backfilled_many': (
        '{count} 条线索此日期为空但后续阶段有日期：已用下一阶段日期补齐（第 {rows} 行 …）'
    ),
    'msg.deal_not_found': '成交 {value} 在工作表 {leads} 中找不到：已忽略',
    'msg.deal_not_found_many': (
        '{count} 条成交在工作表 {leads} 中找不到，如 {examples}（第 {rows} 行 …）：已忽略'
    ),
    'msg.lead_type_unknown': '客户类型“{value}”既不是新客户也不是老客户：留空',
    'msg.lead_type_unknown_many': (
        '{count} 个客户类型既不是新客户也不是老客户，如 {examples}（第 {rows} 行 …）：留空'
    ),
    'msg.channel_blank': '渠道为空：计入“{unassigned}”',
    'msg.channel_blank_many': '{count} 条线索没有渠道：计入“{unassigned}”（第 {rows} 行 …）',
    'msg.mapping_unreadable': '字段映射表需要工作表、字段和源列名三列：已忽略',
    'msg.mapping_source_missing': (
        '字段映射第 {row} 行从列名“{source}”读取 {column}，但工'
        '作表 {sheet} 没有该列：其列名为 {found}。请将源列名改为其中之一'
    ),
    'msg.mapping_unknown_sheet': '未知的输入工作表“{value}”：该映射行已忽略',
    'msg.mapping_unknown_column': '工作表 {sheet} 的字段未知或源列名为空“{value}”：该映射行已忽略',
    'msg.mapping_bad_date_format': '日期格式“{value}”不是 dmy、mdy 或 ymd：自动识别',
    'value.dmy': '日-月-年',
    'value.mdy': '月-日-年',
    'value.ymd': '年-月-日',
    'col.item': '项目',
    'col.value': '数值',
    'col.lead_to_won': '线索→成交',
    'col.open_opps': '未结商机数',
    'col.pipeline_value': '商机金额',
    'col.win_rate': '赢单率',
    'col.expected_value': '预期金额',
    'col.expected_next_year': '预计明年成交金额',
    'col.share_last_year': '去年份额',
    'col.rank_last_year': '去年排名',
    'value.programme_cost': '项目费用',
    'value.headcount_cost': '人员费用',
    'value.revenue': '成交额',
    'value.roi_programme': 'ROI（仅项目费用）',
    'value.roi_fully_loaded': 'ROI（全口径，含人员费用）',
    'msg.goal_target_zero': '目标“{goal}”：目标值为 0，完成率留空',
    'msg.goal_metric_unknown': '指标“{metric}”无法识别；可用指标：{known}',
    'msg.goal_no_actual': '目标“{goal}”：没有实际值也没有指标键，完成率留空',
    'sheet.team': '团队规划',
    'title.roi_matrix': '渠道ROI矩阵',
    'title.funnel': '全链路漏斗',
    'title.events': '活动全链路复盘',
    'title.monthly': '月度分布',
    'title.sales_cycle': '成交周期（线索到成交天数）',
    'title.pipeline': '商机结转至明年',
    'title.goal_review': '目标回顾',
    'title.share_of_voice': '声量份额',
    'title.targets': '目标拆解（可模拟）',
    'title.plan_quarterly': '季度拆解',
    'title.plan_monthly': '月度拆解',
    'title.plan_weekly': '周拆解',
    'title.budget': '市场预算',
    'title.workplan': '年度工作计划',
    'title.actions': '改进行动',
    'title.team': '团队',
    'title.data_check': '数据检查',
    'title.message_house': '信息屋',
    'title.dashboard': '{year} 一页纸看板',
    'title.how_to': '如何使用本工作簿',
    'title.how_to_1': (
        '将CRM和投放数据粘贴到输入表（深蓝色标签）：线索、费用、人员费用、目标及'
        '可选表。'
    ),
    'title.how_to_2': '填写设置表：回顾年度、币种、明年营收目标、预算、语言。',
    'title.how_to_3': (
        '重新生成：点击Excel中的xlreview按钮，或运行 `xlreview rebuild 工作簿.xlsx`。绿色标'
        '签的表为自动生成，每次重新生成都会被替换。'
    ),
    'title.how_to_4': '先查看数据检查表：错误表示相应数值已被忽略。',
    'title.how_to_5': (
        '在目标拆解表中，黄色单元格可做假设分析：修改占比、转化率（或在设置表中修改营收目标和'
        '客单价），漏斗、所有计划表、预算校验和情景对比会立即重新计算，无需 Python。'
    ),
    'title.how_to_6': (
        '目标拆解表中的自下而上线索数、占比调整和手动输入的占比与转化率（清空即恢复历史值）、'
        '预算表中的下限/上限/锁定，以及情景对比中的冲刺/保守数值，重新生成时会保留。'
    ),
    'title.how_to_7': '基于曲线的预算数字是相关性估计，并非因果证明。',
    'title.roi_note': 'ROI =（成交额 − 费用）/ 费用；没有费用的渠道不计算ROI。',
    'title.roi_summary': '部门整体ROI',
    'title.opp_per_lead': '每条线索商机数',
    'title.median_lines': '象限分界线（中位数）',
    'title.median': '中位数',
    'title.chart_quadrant': '渠道象限：数量 × 质量（气泡大小 = 费用）',
    'title.chart_cost_revenue': '各渠道费用与成交额',
    'title.chart_funnel': '各阶段漏斗',
    'title.chart_monthly': '每月MQL、SQL、商机与成交',
    'title.chart_targets': '各渠道漏斗目标',
    'title.chart_quarterly': '季度目标',
    'title.chart_budget': '预算：去年与计划对比',
    'title.funnel_note': (
        '期间口径：年内到达该阶段的数量；当年线索跟进口径：年内新建的线索至今到达该阶段的数量。'
    ),
    'title.goal_note': (
        '完成率 = 实际 / 目标（越低越好的指标为 目标 / 实际）。绿色 ≥ 100%，橙色 ≥ 80%，'
        '红色为以下。'
    ),
    'title.pipeline_note': '年末未结商机 × 历史赢单率，按成交周期分摊到明年各月。',
    'title.pipeline_months': '每月预计成交额',
    'title.targets_note': (
        '黄色单元格可做假设分析，所有计划表和预算校验随之更新。B3:B5 和 B7 取自设置表：请在设置表中'
        '修改（在此输入的数字在下次重新生成前有效）。占比和转化率按历史计算；手动输入的值会保留'
        '（转化率来源显示“手动”，输入的占比转入占比调整），清空该单元格即恢复历史值。'
        '自下而上线索数和采用方式在重新生成时保留。'
    ),
    'title.company_target': '公司营收目标',
    'title.new_share': '新客户占比',
    'title.marketing_share': '市场部贡献占比',
    'title.marketing_target': '市场部成交额目标',
    'title.plan_lead_time': '需在年初前准备的数量',
    'title.budget_note': (
        '黄色单元格（类型、下限、上限、锁定）为输入项，重新生成时保留。预算校验为实时公式：'
        '计划所需随目标拆解变化。基于曲线的数字为相关性估计。'
    ),
    'title.workplan_note': '开始与结束之间的周以色块显示。',
    'title.gantt': '甘特图（按周）',
    'title.data_check_note': '错误：该值已被忽略。警告：已使用，但请核对。',
    'title.kpi_revenue': '市场来源成交额',
    'title.kpi_next_target': '上一年 {last}（{change}）；明年目标 {target}',
    'title.kpi_completion': '目标完成率',
    'title.kpi_completion_sub': '按权重加权；单个目标最多计 {cap:.0%}',
    'title.kpi_roi': 'ROI（含人员费用）',
    'title.kpi_roi_sub': '含项目费用与人员费用',
    'title.kpi_pipeline': '商机结转',
    'title.kpi_pipeline_sub': '预计明年落地',
    'title.kpi_cac_sub': '每个成交客户的费用',
    'help.settings': '设置：在每个参数右侧填写数值；留空即使用默认值。右侧为说明。',
    'help.leads': (
        '线索：将CRM导出的数据粘贴到表头下方，每行一条线索'
        '（日期请用日期格式；CRM跳过的阶段无需补填）。'
    ),
    'help.deals': '成交（可选）：第二份成交导出数据，按线索ID合并到线索表。',
    'help.spend': '费用：每个月份、渠道和活动一行：费用、访问量、曝光量。',
    'help.headcount': '人员费用：市场岗位、年度费用及投入市场工作的时间占比（1 = 全职）。',
    'help.goals': (
        '目标：按模块和层级（完成层、效果层、ROI层）填写本年目标；'
        '实际值留空并填写指标（如 线索、成交额、获客费用），即从数据中自动计算。'
    ),
    'help.mentions': '声量（可选）：各平台每月本品牌及竞品的提及量，用于计算声量份额。',
    'help.initiatives': '年度项目：明年的项目及开始、结束日期、负责人、预算和KPI（用于甘特图）。',
    'help.message_house': (
        '信息屋：部分填写 屋顶、支柱、证据 或 地基（也可填 roof、pillar、proof、foundation）；'
        '证据需注明所属支柱。'
    ),
    'help.improvements': '改进清单：本年发现的问题、根因、改进措施、负责人和截止日期。',
    'help.team': '团队：明年的岗位、人数、费用（该行的年度总费用）或人均费用（× 人数）和OKR。',
    'help.mapping': '字段映射（可选）：导出数据的列名与本模板不同时，在此将其映射到本模板的字段。',
    'help.mapping_example': (
        '示例：工作表 = 线索，字段 = 创建日期，源列名 = first_contact_date，日期格式 = 日月年'
        '（日月年、月日年、年月日，留空 = 自动识别）。字段 = 工作表、源列名 = 本工作簿中的'
        '表名：即按该表读取线索。'
    ),
    'help.invalid_date': '请输入日期，例如 2025-03-31。',
    'help.invalid_number': '请输入大于或等于 0 的数字。',
    'help.invalid_share': '请输入 0 到 1 之间的比例（例如 50%）。',
    'help.invalid_choice': '请从列表中选择。',
    'col.setting_description': '说明',
    'setting.fiscal_year': '回顾年度；留空 = 最新线索所在年份。',
    'setting.currency': '金额格式中显示的货币：CNY、USD、EUR、¥、$ 等。',
    'setting.revenue_target': '明年公司营收目标。',
    'setting.new_customer_share': '营收目标中来自新客户的比例（例如 60%）。',
    'setting.marketing_share': '新客户成交额中由市场部贡献的比例（例如 50%）。',
    'setting.avg_deal_size': '平均客单价；留空 = 回顾年度新客户成交的平均金额。',
    'setting.budget_total': '明年市场总预算（含人员费用）。',
    'setting.experiment_share': '项目预算中留给实验渠道的比例（默认 20%）。',
    'setting.seasonality': '月度权重：按历史（历史各月成交额占比）或 平均。',
    'setting.language': '生成工作表的语言：en（英文）、zh-CN（简体中文）或 zh-TW（繁体中文）。',
    'setting.brand': '本品牌名称，与声量表中的写法一致。',
    'setting.budget_method': (
        '成熟渠道预算的分配方式：按目标推算、按ROI、按响应曲线 或 跟随目标'
        '（预算跟随目标，总预算为上限）。'
    ),
    'setting.min_conversions': '某阶段转化数少于此值时，该渠道使用整体转化率（默认 20）。',
    'setting.share_copy': '是 = 每次重建时另存一份仅含数值的分享副本。',
    # cell functions and live Excel (cellfuncs, io/excel)
    'msg.udf_rates': '需要4个0到1之间的值',
    'msg.udf_not_number': '需要数字，收到 {value!r}',
    'msg.udf_negative': '需要大于等于0的数字',
    'msg.udf_positive': '需要大于0的数字',
    'msg.udf_stage': '未知阶段 {value!r}：请用 线索、MQL、SQL、商机 或 成交客户',
    'msg.udf_leads_header': '需要表头行，并含阶段日期列（MQL日期 … 成交日期）',
    'msg.udf_no_channel_column': '区域中没有渠道列',
    'msg.udf_unknown_channel': '没有渠道 {value!r} 的线索',
    'msg.udf_no_leads': '表头行下没有线索',
    'msg.udf_empty': '至少需要一个单元格',
    'msg.udf_whole': '需要大于等于0的整数',
    'msg.udf_same_length': '单元格个数需与 {other} 相同',
    'msg.udf_share': '需要0到1之间的比例',
    'msg.excel_step': 'xlreview：{step}…',
    'msg.excel_problems': '{errors} 个错误、{warnings} 个警告：请查看“数据检查”工作表',
    'msg.excel_failed': '重建已停止：{error}',
    'msg.excel_live_unsaved': (
        'xlreview：此工作簿尚未保存，生成的工作表没有图表、条件格式、字体、填充、'
        '边框和打印设置：请另存为本机上的 .xlsx 后再点一次，得到完整工作簿'
    ),
    'msg.excel_live_cloud': (
        'xlreview：此工作簿在 OneDrive 或 SharePoint 上，生'
        '成的工作表没有图表、条件格式、字体、填充、边框和打印设置：请打开本机同步的副本，'
        '得到完整工作簿'
    ),
    'msg.excel_live_read_only': (
        'xlreview：此工作簿为只读，生成的工作表没有图表、条件格式、字体、填充、边'
        '框和打印设置：请另存一份可编辑的副本，得到完整工作簿'
    ),
    'msg.excel_live_format': (
        'xlreview：此工作簿不是 .xlsx 文件，生成的工作表没有图表、条件格式'
        '、字体、填充、边框和打印设置：请另存为 .xlsx，得到完整工作簿'
    ),
    'cli.addin_built': (
        "加载项已写入：{path}\n下一步：运行 'xlreview addin ins"
        "tall'，让 Excel 每次启动时加载；或在 Excel 中选择 文件 > "
        '选项 > 加载项 > 管理 Excel 加载项 > 转到 > 浏览，选中此文件；'
        '功能区随即出现“复盘规划”选项卡。'
    ),
    'cli.addin_installed': (
        '加载项已安装：{path}\n下一步：重新启动 Excel，功能区出现“复盘规划”'
        '选项卡和“重建计划”按钮。'
    ),
    'title.bubble_size': '气泡大小（费用，至少为最大值的 1/20）',
    'format.points': '+0.0" 个百分点";-0.0" 个百分点";0.0" 个百分点"',
    'title.excel_alert': 'xlreview',
    'title.avg_deal': '平均客单价',
    'title.customers_needed': '所需成交客户数',
    'title.fit_revenue_per_lead': '成交额 = 线索 × {value:,.0f}',
    'cli.list_separator': '、',
    'cli.where_separator': '，',
    'cli.problem': '  [{severity}] {where}：{message}',
    'cli.row': '第 {row} 行',
    'help.channels': (
        '渠道（可选）：每个渠道的分组（自有 / 新拓）和线索来源方（市场 / 合作伙伴 / 销售；'
        '留空 = 市场）。只有市场来源的新客户成交额与市场目标对比。'
    ),
    'msg.channel_scope_unknown': '{value!r} 不是 {choices} 之一：按空白处理',
    'msg.stages_not_tracked': (
        '导出数据没有 {stages} '
        '的日期（缺少该列或全部为空）：显示为“未跟踪”，转化率跨过这些阶段计算（如 '
        'MQL → 成交客户），不会用后续阶段的日期补填'
    ),
    'value.not_tracked': '未跟踪',
    'value.won_revenue': '成交额（全部成交）',
    'value.new_customer_revenue': '新客户成交额',
    'value.existing_customer_revenue': '老客户成交额',
    'value.marketing_sourced_revenue': '市场来源成交额（新客户）',
    'value.marketing_sourced_last_year': '市场来源成交额（上一年）',
    'value.marketing_target': '明年市场目标',
    'col.note': '备注',
    'title.win_rate_decided': (
        '赢单率 = 赢单数 ÷ '
        '已决商机数（{year}年12月31日前赢单或输单）：{decided} 个中赢'
        ' {won} 个 = {rate:.1%}。目标拆解和商机结转都用这个赢单率；上'
        '表的转化率跟踪的是今年线索到目前为止的转化，包含尚未结束的商机。'
    ),
    'title.win_rate_no_lost': (
        '赢单率 = 赢单数 ÷ 足够早、本应已有结果的全部{stage}（导出数'
        '据没有输单记录）：{decided} 个中赢 {won} 个 = {ra'
        'te:.1%}。目标拆解和商机结转都用这个赢单率；上表的转化率跟踪的是今'
        '年线索到目前为止的转化。'
    ),
    'msg.pipeline_not_tracked': '导出数据没有商机日期：没有可结转的在途商机（未跟踪）',
    'title.deal_setting': '取自设置（平均客单价）',
    'title.deal_year': '{year}年成交的 {deals} 个新客户订单的平均金额',
    'title.deal_history': '全部 {deals} 个新客户订单的平均金额（{year}年无新客户成交）',
    'title.deal_all_deals': '全部 {deals} 个成交订单的平均金额（数据中没有新客户订单）',
    'title.marketing_last_year': (
        '同口径对比：{year}年市场来源新客户成交额 = {value}，目标变'
        '化 {change}'
    ),
    'title.targets_not_tracked': (
        '{stages}：导出数据未跟踪；转化率跨过这些阶段（此时 MQL→SQ'
        'L 列即 MQL→成交客户）'
    ),
    'setting.goal_cap': '加权目标得分中单个目标最多计入的完成率（默认100%）。',
    'col.lifetime_leads': '全周期线索',
    'col.lifetime_cost': '全周期费用',
    'col.lifetime_revenue': '全周期成交额（至今）',
    'col.lifetime_roi': '全周期ROI',
    # 预算校验与 target 预算方法
    'col.metric': '指标',
    'col.plan_needs': '计划所需',
    'col.budget_buys': '预算可买',
    'col.cost_per_person': '人均费用',
    'title.budget_check': '预算能否支撑计划？',
    'title.budget_check_note': (
        '计划所需：目标拆解的合计行（项目费用 = 目标所需费用加实验预算比例）。'
        '预算可买：预算各行的预计线索（取整）与成交额；'
        '成交客户 = 这些线索 × 计划的线索→客户转化率（客户 ÷ 计划线索），向下取整。'
        '差额 = 预算可买 − 计划所需。'
    ),
    'msg.budget_short_leads': (
        '预算可买 {bought:,.0f} 条线索，比计划所需的 {needed:,.0f} 条少 {short:,.0f} 条；按计划的'
        '单线索费用（{cpl:,.2f} = 目标拆解的所需费用 ÷ 线索）补足约需再投入 {cost:,.2f}'
    ),
    'msg.budget_short_leads_no_cpl': (
        '预算可买 {bought:,.0f} 条线索，比计划所需的 {needed:,.0f} 条少 {short:,.0f} 条'
        '（目标拆解中没有单线索费用，无法估算补足费用）'
    ),
    'msg.plan_target_capped': (
        '预算分配方式为 跟随目标：目标需要项目预算 {need:,.2f}，'
        '但总预算 {total:,.2f} 扣除人员费用后只剩 {cap:,.2f}：按上限 {cap:,.2f} 执行'
    ),
    'msg.plan_target_no_implied': (
        '预算分配方式为 跟随目标：目标推算不出费用（没有目标或单线索费用）：项目预算取总预算扣除'
        '人员费用后的 {cap:,.2f}'
    ),
    # 计划在 Excel 中实时联动（issue 11）
    'col.weight': '权重',
    'col.cumulative': '累计占比',
    'col.lag_months': '提前月数',
    'title.seasonality': '季节性权重（来自历史）',
    'title.plan_monthly_note': (
        '实时公式，无输入项：每月按季节性权重拆分目标拆解合计行（累计拆分：整数之和等于合计）；'
        '收入随成交客户分摊；'
        '前段阶段按提前月数（见下方）前移；预算随每月线索分配。'
    ),
    'title.plan_quarterly_note': '实时公式，无输入项：每季度为其三个月之和。',
    'title.plan_weekly_note': (
        '实时公式，无输入项：每周归入其周四所在的月份（月份列），平均分摊该月目标，'
        '各周之和等于当月；成交额随成交客户分摊，没有成交客户的周没有成交额。'
    ),
    # 情景对比
    'sheet.scenarios': '情景对比',
    'title.scenarios': '情景对比：每个版本的计划需要什么',
    'title.scenarios_note': (
        '基准跟随计划（目标拆解、设置、预算）。冲刺与保守：基准目标 ± 情景幅度（设置）；'
        '黄色单元格由您填写：可重命名列、输入任意值，重新生成时保留。右侧结果为实时公式。'
    ),
    'col.scenario_input': '输入',
    'col.scenario_outcome': '所需',
    'col.base': '基准',
    'col.stretch': '冲刺',
    'col.cautious': '保守',
    'value.scenario_revenue_target': '公司营收目标',
    'value.scenario_new_customer_share': '新客户占比',
    'value.scenario_marketing_share': '市场部贡献占比',
    'value.scenario_avg_deal': '平均客单价',
    'value.scenario_lead_to_mql': '线索→MQL',
    'value.scenario_mql_to_sql': 'MQL→SQL',
    'value.scenario_sql_to_opp': 'SQL→商机',
    'value.scenario_opp_to_won': '赢单率',
    'value.scenario_budget_total': '总预算（含人员费用）',
    'value.scenario_customers': '成交客户',
    'value.scenario_opp': '商机',
    'value.scenario_sql': 'SQL',
    'value.scenario_mql': 'MQL',
    'value.scenario_leads': '线索',
    'value.scenario_implied_cost': '所需费用',
    'value.scenario_budget_gap': '预算差额（达成目标后剩余）',
    'setting.scenario_spread': '冲刺与保守情景：营收目标 ± 此比例（默认 20%）。',
    'col.history_share': '重新生成时的占比',
    'col.history_lead_to_mql': '历史线索→MQL',
    'col.history_mql_to_sql': '历史MQL→SQL',
    'col.history_sql_to_opp': '历史SQL→商机',
    'col.history_opp_to_won': '历史赢单率',
    'value.typed': '手动',
    'msg.plan_typed_rate': (
        '{channel}：{column} 手动输入 {typed}（历史 {history}），保留为该渠道的转化率；'
        '清空该单元格即恢复历史值'
    ),
    'msg.plan_typed_share': (
        '{channel}：占比手动输入 {typed}（重新生成时 {history}），保留为其占比调整；'
        '清空占比调整即恢复历史值'
    ),
    'msg.plan_typed_total': (
        '合计行输入的{column} {typed} 不会被采用：合计行显示整个部门的历史值（{history}）；'
        '请在渠道所在行输入转化率'
    ),
    'msg.plan_typed_range': (
        '{channel}：{column} 输入的 {typed} 不在 0 到 100% 之间：使用历史值 {history}'
    ),
    'msg.plan_typed_text': '{channel}：{column} 中的文字不是数字：使用历史值 {history}',
    'msg.plan_typed_not_tracked': '{channel}：{column} 输入的 {typed} 被忽略：导出数据未跟踪该阶段',
    'msg.plan_typed_over_setting': (
        '目标拆解 {cell} 中输入了 {typed:,.10g}，覆盖了指向设置 {setting} 的公式；'
        '重新生成使用设置中的值（{value:,.10g}）：如需保留，请在设置中输入'
    ),
    'msg.file_missing': '{path} 不存在：请检查文件名和文件夹。',
    'msg.file_is_folder': '{path} 是文件夹，不是工作簿：请给出 .xlsx 文件的路径。',
    'msg.file_unreadable': (
        '无法读取 {path}：您没有打开它的权限。请把它复制到您自己的文件夹后重试。'
    ),
    'msg.file_read_only': (
        '{path} 是只读文件，未写入任何内容：请取消只读属性（或另存为其他文件名）后重新生成。'
    ),
    'msg.folder_read_only': (
        '无法在 {path} 所在文件夹中写入（没有权限），未写入任何内容：请把工作簿移到您可写入的'
        '文件夹。'
    ),
    'msg.folder_missing': '文件夹 {folder} 不存在：请先创建它，或选择其他文件夹。',
    'msg.disk_full': '{path} 所在磁盘已满，工作簿保持不变：请释放一些空间后重试。',
    'msg.file_too_big': (
        '新工作簿将超过本系统的文件大小限制（ulimit -f），工作簿保持不变：请提高限制后重试。'
    ),
    'msg.file_protected': (
        '{path} 无法被替换：系统保护了它（不可变或被锁定的文件），工作簿保持不变。请取消该保'
        '护，或另存一份副本并生成副本。'
    ),
    'msg.write_failed': '无法在 {path} 旁写入，工作簿保持不变：请检查磁盘和文件夹后重试。',
    'msg.read_failed': '无法读取 {path}：请确认磁盘或网络文件夹可用后重试。',
    'msg.interrupted': '已在写入前停止：工作簿保持不变。',
    'msg.interrupted_share': '已停止：工作簿已重新生成，但未写入可分享的副本。',
    'msg.xlsb': (
        '{path} 是二进制工作簿（.xlsb），xlreview 无法重新生成：请在 Excel 中另存为 .xlsx（文'
        '件 > 另存为）后生成该文件。'
    ),
    'msg.old_format': (
        '{path} 的格式 xlreview 无法重新生成（{kind}）：请在 Excel 中另存为 .xlsx（文件 > 另'
        '存为）后生成该文件。'
    ),
    'msg.encrypted': (
        '{path} 受密码保护（或是旧的 .xls 文件）：请在 Excel 中取消密码（文件 > 信息 > 保护工'
        '作簿）或另存为 .xlsx，然后重新生成。'
    ),
    'msg.not_a_workbook': (
        '{path} 不是 xlreview 能读取的 Excel 工作簿（已损坏或是其他类型）：请在 Excel 中打开'
        '并另存为 .xlsx，然后生成该文件。'
    ),
    'msg.no_input_sheets': (
        '{path} 没有 xlreview 输入表（线索、费用、设置……），未写入任何内容：请用 `xlreview te'
        'mplate 新文件.xlsx` 创建工作簿并把数据粘贴进去。'
    ),
    'msg.sheet_name_taken': (
        '您的工作表“{sheet}”与生成的工作表同名（{generated}），未写入任何内容：请重命名您的工'
        '作表（例如“{sheet}（自有）”）后重新生成。'
    ),
    'msg.signed': (
        '{path} 带有数字签名，重新生成会使签名失效，未写入任何内容：如仍要继续，请加 --force '
        '重新生成，然后在 Excel 中重新签名。'
    ),
    'msg.signed_warning': (
        '警告：{path} 原有数字签名，签名与重新生成的文件不再相符：请在 Excel 中重新签名。'
    ),
    'msg.no_office': (
        '生成报告 PDF 需要 LibreOffice（免费，libreoffice.org），本机未安装：请安装它；'
        '或在 Excel 中点击“一页纸看板”标签，按住 Shift 点击最后一个生成的标签，'
        '再用“文件 > 导出 > PDF”。'
    ),
    'msg.office_failed': (
        'LibreOffice 无法把 {path} 转成 PDF：请先用 LibreOffice 或 Excel 打开检查一次，再试。'
    ),
    'msg.no_report': '{path} 还没有生成的工作表：请先对它运行 xlreview rebuild。',
    'cli.pdf_written': '报告已写入：{path}（{sheets} 个工作表，{pages} 页，看板在首页）',
    'cli.share_written': '可分享的副本已写入：{path}',
    'cli.addin_removed': '加载项已删除：{path}',
    'cli.addin_not_installed': '{folder} 中没有安装加载项：无需删除。',
    'msg.addin_no_xlwings': '未安装 xlwings：请运行 pip install xlwings 后再试。',
    'msg.addin_no_template': (
        '{folder} 中没有 {template}：请重新安装 xlwings（pip install --force-reinstall '
        'xlwings）后再试。'
    ),
    'msg.addin_no_callback': 'xlwings 加载项模板的 {part} 中没有按钮：请重新安装 xlwings 后再试。',
    'msg.addin_no_appdata': (
        '未设置 APPDATA，找不到 Excel 的加载项文件夹（XLSTART）：请用 --folder 指定文件夹。'
    ),
    'msg.addin_platform': (
        'Excel 加载项只能安装在 Windows 或 macOS 上：请用 xlreview addin build 生成，'
        '或用 --folder 指定文件夹。'
    ),
    'msg.addin_locked': '{path} 正在使用中：请退出 Excel 后再试。',
    'msg.step_read': '读取工作簿',
    'msg.step_inputs': '检查输入数据',
    'msg.step_review': '计算年度复盘',
    'msg.step_plan': '制定明年计划',
    'msg.step_layout': '排版工作表',
    'msg.step_write': '写入工作簿',
    'msg.step_share': '写入可分享的副本',
    'msg.share_copy_kept': (
        '{path} 已存在且不是 xlreview 写的副本：保留原文件，未写入可分享的副本；请重命名或移走它，'
        '或关闭 share_copy'
    ),
    'msg.target_exists': (
        '{path} 已存在，未写入任何内容：请换一个文件名，或加 --force 替换它（旧文件会保留为备'
        '份）。'
    ),
    'msg.backup_kept': '原文件已保留为 {path}。',
    'msg.same_file': '副本不能覆盖工作簿本身：请换一个文件名。',
    'msg.reference_rewritten': '{what} ={old} 现为 ={new}：它引用的生成工作表或表格已改名',
    'msg.reference_broken': (
        '{what} ={old} 引用的生成工作表不再生成：将显示 #REF!；请改为引用其他位置'
    ),
    'msg.reference_cell': '单元格 {cell}',
    'msg.reference_name': '名称 {name}',
    'msg.out_of_memory': (
        '内存不足，未写入任何内容：请关闭其他程序后重试。'
        ''
    ),
    'msg.unexpected': (
        'xlreview 遇到意外问题而停止，未写入任何内容：请报告'
        '此问题（设置 XLREVIEW_DEBUG=1 可查看详情）。'
    ),
    'msg.cells_ignored': (
        '远离数据、位于 {cell} 之外的单元格未被读取（误输入？）：'
        '如需要请移到表格旁'
    ),
    'msg.table_name_taken': (
        '您的工作簿已有名为“{name}”的表格或名称，生成的工作表需要使用它，未写入任何内容：'
        '请重命名您的表格或名称（公式 > 名称管理器）后重新生成。'
    ),
    'msg.workbook_open': (
        '{path} 正在 Excel 或 LibreOffice 中打开（旁边有 {lock}），未写入任何内容：'
        '请关闭它后重试。'
    ),
    # issue 14: the review a director presents
    'sheet.year_over_year': '同比',
    'sheet.plan_vs_actual': '计划与实际',
    'sheet.campaign_channels': '活动渠道',
    'col.last_year': '去年',
    'col.this_year': '今年',
    'col.conversion_last_year': '去年转化率',
    'col.period': '期间',
    'col.plan': '计划',
    'col.variance': '差异',
    'col.forecast': '预测',
    'col.outcome': '结果',
    'col.brand': '品牌',
    'col.rank_change': '排名变化',
    'col.handoff': '交接结果',
    'value.accepted': '销售接受（SAL）',
    'value.recycled': '退回培育',
    'value.rejected': '拒绝',
    'value.pending': '尚无结果',
    'title.year_over_year': '今年与去年对比',
    'title.yoy_note': (
        '变化：数量和金额为 今年 ÷ 去年 − 1（+25% 即多四分之一）；ROI 为百分点差。'
        '去年无数据时留空。'
    ),
    'title.plan_vs_actual': '计划与实际对比',
    'title.pva_note': (
        '计划基线中 {year} 年的每一行。实际截至 {as_of}；'
        '预测 = 实际 + 年初至今的月均值 × 剩余月数。'
    ),
    'title.pva_note_no_data': '计划基线中 {year} 年的每一行；尚无数据。',
    'title.chart_pva': '每月计划与实际：{metric}',
    'title.campaign_channels': '跨渠道的活动',
    'title.campaign_channels_note': (
        '今年线索来自两个及以上渠道的活动；口径同渠道ROI矩阵（阶段日期在本年）。'
    ),
    'title.sov_brands': '各平台各品牌',
    'title.sov_trend': '每月提及量份额',
    'title.chart_sov_trend': '每月声量份额',
    'title.handoff': '线索交接销售（本年MQL）',
    'msg.handoff_unknown': '交接结果“{value}”不是接受、退回或拒绝：计为尚无结果',
    'msg.handoff_unknown_many': (
        '{count} 个交接结果不是接受、退回或拒绝（首个：“{value}”）：计为尚无结果'
    ),
    'msg.baseline_period': '期间“{value}”不是月份（2027-03）、季度（2027-Q1）或年份：已忽略该行',
    'msg.baseline_metric': '指标“{value}”未知（可用 {known}）：已忽略该行',
    'msg.baseline_plan': '计划值不是数字：已忽略该行',
    'msg.baseline_channel': '渠道“{value}”没有线索也没有费用：其实际值为 0',
    'help.baseline': (
        '计划基线：由“xlreview baseline”冻结的明年计划（也可手工填写）：期间 2027-03 / 2027-Q1 / '
        '2027，渠道（留空 = 全部），指标（线索、MQL、SQL、商机、成交客户、成交额、费用，或英文 '
        'leads、mql、sql、opp、won、revenue、cost），计划值。'
    ),
    'cli.baseline_written': '{year} 年计划基线已写入：{path}（“{sheet}”中 {rows} 行）',
    'msg.baseline_exists': (
        '工作簿已有 {year} 年的计划基线（“{sheet}”中 {rows} 行）：如需替换请加 --force'
    ),
    'msg.baseline_empty': '计划为空：请先在输入表中粘贴线索（及费用）数据',
    'title.chart_yoy_revenue': '各渠道成交额：去年与今年',
    'title.chart_campaign_channels': '各活动线索的渠道构成',
    'title.goal_score_line': '加权目标得分：{score:.1%}（每个目标最多计 {cap:.0%}）',
    'title.goal_modules': '各模块完成率',
    'title.chart_goal_modules': '各模块完成率（加权，每个目标最多计 {cap:.0%}）',
    'title.kpi_roi_sub_yoy': '含项目费用与人员费用；项目ROI {this}，上年 {last}（{change}）',
    'title.kpi_cac_sub_yoy': '每个成交客户的费用；上年 {last}（{change}）',
    'col.comment': '备注',
    'col.to_sql': '转SQL率',
    'title.how_to_8': (
        '计划定稿后请冻结：运行 `xlreview baseline 工作簿.xlsx` 写入“计划基线”工作表'
        '（也可手工填写）。到了该年，“计划与实际”会逐月跟踪每一行，并按当前月均进度预测全年。'
    ),
    'title.how_to_9': (
        '打印或分享报告：工作簿打开时停在“一页纸看板”，按 Ctrl+P 即打印看板；运行 '
        '`xlreview pdf 工作簿.xlsx` 把全部生成的工作表导出为一个 PDF（在 Excel 中：点击'
        '“一页纸看板”标签，按住 Shift 点击最后一个绿色标签，用“文件 > 导出 > PDF”，'
        '再单击任一标签取消组合）。'
    ),
    'title.pva_year': '{year} 年概览（全部渠道）',
    'col.forecast_completion': '预测 ÷ 计划',
    # Settings sheet: keys and coded values as shown (both languages accepted when read)
    'setting_key.fiscal_year': '回顾年度',
    'setting_key.currency': '币种',
    'setting_key.revenue_target': '明年营收目标',
    'setting_key.new_customer_share': '新客户占比',
    'setting_key.marketing_share': '市场部贡献占比',
    'setting_key.avg_deal_size': '平均客单价',
    'setting_key.budget_total': '明年总预算',
    'setting_key.experiment_share': '实验预算占比',
    'setting_key.seasonality': '月度权重',
    'setting_key.language': '语言',
    'setting_key.brand': '本品牌',
    'setting_key.budget_method': '预算分配方式',
    'setting_key.min_conversions': '最少转化数',
    'setting_key.share_copy': '分享副本',
    'setting_value.history': '按历史',
    'setting_value.flat': '平均',
    'setting_value.implied': '按目标推算',
    'setting_value.roi': '按ROI',
    'setting_value.curve': '按响应曲线',
    'setting_value.yes': '是',
    'setting_value.no': '否',
    'cli.template_written': '模板已写入：{path}',
    'msg.mapping_sheet_not_found': '工作簿中没有工作表“{value}”：{sheet} 按默认名称读取',
    'msg.setting_unknown': '未知的设置项“{value}”：已忽略',
    'msg.setting_not_whole': '{key}：“{value}”不是整数，使用默认值',
    'msg.setting_not_number': '{key}：“{value}”不是数字，使用默认值',
    'msg.setting_negative': '{key}：“{value}”是负数，使用默认值',
    'msg.setting_not_share': '{key}：“{value}”不是 0 到 1 之间的比例，使用默认值',
    'msg.setting_not_yes_no': '{key}：“{value}”不是“是”或“否”，使用默认值',
    'msg.setting_not_choice': '{key}：“{value}”不是 {choices} 之一，使用默认值',
    'setting_key.goal_cap': '单个目标完成率上限',
    'msg.setting_not_cap': '{key}：“{value}”不是大于 0 的完成率（例如 100%），使用默认值',
    'msg.setting_unusable': '{key}：“{value}”无法使用，使用默认值',
    'ribbon.tab': '复盘规划',
    'ribbon.button': '重建计划',
    'ribbon.tip': '根据输入表重建所有生成表',
    'setting_key.scenario_spread': '情景幅度',
    'setting_value.target': '跟随目标',
    # the plan on a page, modules, OKR tree, lessons (issue 16)
    'sheet.plan_on_page': '一页纸计划',
    'sheet.module_plan': '模块规划',
    'sheet.okr_tree': 'OKR拆解',
    'sheet.lessons': '经验与方法',
    'title.plan_on_page': '{year}年一页纸市场计划',
    'title.plan_on_page_note': (
        '每个数字都是引用目标拆解、市场预算、模块规划和季度拆解表的公式：改动那里的输入，'
        '本页随之更新。'
    ),
    'title.page_funnel': '从公司目标到线索',
    'title.page_budget': '预算',
    'title.page_house': '信息屋',
    'title.page_modules': '各模块重点与KPI',
    'title.page_quarters': '季度主题',
    'title.page_risks': '主要风险与应对',
    'title.page_quarter_numbers': '线索 {leads} · 成交额 {revenue}',
    'title.module_plan': '模块规划：重点、策略、KPI与风险',
    'title.module_plan_note': '各模块预算与市场预算表中项目预算的核对（见表下方）。',
    'title.module_budget_total': '模块预算合计',
    'title.programme_total': '项目预算（市场预算表）',
    'title.module_budget_gap': '尚未分配到模块',
    'title.okr_tree': 'OKR拆解：目标、关键结果及其对齐关系',
    'title.okr_note': (
        '关键结果完成率 = 实际值 ÷ 目标值；目标（O）的完成率取其下各项的平均值（每项最多计 100%），'
        '未填权重则各项等权。'
    ),
    'title.lessons': '做对了什么，明年继续做什么',
    'title.lessons_note': '每项成功背后的可复用方法，右侧是该模块的目标完成率（取自目标回顾）。',
    'col.focus': '营销重点',
    'col.strategy': '市场策略',
    'col.risk': '风险点',
    'col.response': '应对措施',
    'col.budget_share': '占项目预算',
    'col.level': '层级',
    'col.kind': '类型',
    'col.parent': '对齐到',
    'col.what_worked': '成功经验',
    'col.method': '可复用方法',
    'col.evidence': '数据依据',
    'col.module_completion': '模块目标完成率',
    'col.theme': '主题',
    'col.key_campaigns': '重点活动',
    'value.objective': '目标',
    'value.key_result': '关键结果',
    'value.reserve': '机动预算',
    'msg.okr_parent_missing': '{item}：对齐到 {parent!r}，但表中没有这个目标或关键结果；显示在顶层',
    'msg.okr_cycle': '以下各行相互对齐，形成循环：{items}；{item} 显示在顶层',
    'msg.okr_duplicate': '{item!r} 出现不止一次；对齐到它的行归入第一个',
    'msg.okr_target_zero': '{item}：目标值为 0，完成率留空',
    'msg.okr_negative_weight': '{item}：权重为负，按 1 计',
    'msg.quarter_unknown': '季度 {value!r} 不是 Q1、Q2、Q3 或 Q4；该行已忽略',
    'msg.quarter_duplicate': '{quarter} 有多个主题，已合并',
    'msg.module_budget_over': (
        '模块预算合计 {modules:,.0f}，比项目预算 {programme:,.0f} 多 {gap:,.0f}'
    ),
    'help.modules': (
        '模块计划：明年各模块（品牌、增长、内容、活动…）的营销重点、市场策略、KPI及目标值'
        '、负责人、预算、主要风险与应对措施。'
    ),
    'help.quarters': '季度主题：每季度（Q1…Q4）一个主题及其重点活动。',
    'help.okr': (
        'OKR：每行一个目标或关键结果；关键结果写明所属目标；上级 = 该行对齐到的目标或关键'
        '结果；权重留空 = 等权。'
    ),
    'help.lessons': '经验沉淀：今年各模块做对了什么、背后的可复用方法和数据依据。',
    'title.budget_categories': '按费用类别的项目费用（费用表类别；明年按各渠道去年的构成拆分）',
    'col.category': '费用类别',
    'value.uncategorised': '未分类',
    'setting.reserve_share': '项目预算中预留的机动预算比例（默认 0，例如 5%）。',
}
