"""Labels in Traditional Chinese: key -> text. Keep the keys in step with the other catalogues.

Mainland marketing vocabulary in Traditional script, as the seed articles write it (營銷,
渠道, 數據, 線索, 商機, 信息屋): drafted with OpenCC ``s2tw``, finished by hand.
"""

LABELS: dict[str, str] = {
    'sheet.roi_matrix': '渠道ROI矩陣',
    'sheet.funnel': '全鏈路漏斗',
    'sheet.events': '活動復盤',
    'sheet.monthly': '月度分布',
    'sheet.sales_cycle': '成交週期',
    'sheet.pipeline': '商機結轉',
    'sheet.goal_review': '目標回顧',
    'sheet.share_of_voice': '聲量份額',
    'sheet.data_check': '數據檢查',
    'sheet.targets': '目標拆解',
    'sheet.plan_quarterly': '季度拆解',
    'sheet.plan_monthly': '月度拆解',
    'sheet.plan_weekly': '週拆解',
    'sheet.budget': '市場預算',
    'sheet.workplan': '年度工作計劃',
    'sheet.dashboard': '一頁紙看板',
    'sheet.message_house': '信息屋',
    'sheet.how_to': '使用說明',
    'sheet.actions': '改進行動',
    'col.channel': '渠道',
    'col.campaign': '活動',
    'col.cost': '費用',
    'col.visits': '訪問量',
    'col.leads': '線索',
    'col.mql': 'MQL',
    'col.sql': 'SQL',
    'col.opp': '商機',
    'col.won': '成交客戶',
    'col.revenue': '成交額',
    'col.cpl': '單線索費用',
    'col.cost_per_mql': '單MQL費用',
    'col.cost_per_sql': '單SQL費用',
    'col.cost_per_opp': '單商機費用',
    'col.cac': 'CAC（獲客費用）',
    'col.roas': '投產比',
    'col.roi': 'ROI',
    'col.quadrant': '象限',
    'col.stage': '階段',
    'col.count_period': '數量（期間）',
    'col.count_cohort': '數量（當年線索跟進）',
    'col.conversion': '轉化率',
    'col.median_days': '中位天數',
    'col.p80_days': '80分位天數',
    'col.month': '月份',
    'col.lead_type': '客戶類型',
    'col.deals': '成交數',
    'col.module': '模塊',
    'col.layer': '層級',
    'col.goal': '目標',
    'col.target': '目標值',
    'col.actual': '實際值',
    'col.completion': '完成率',
    'col.status': '狀態',
    'col.gap': '差距',
    'col.severity': '級別',
    'col.sheet': '工作表',
    'col.row': '行',
    'col.column': '列',
    'col.message': '說明',
    'col.share': '占比',
    'col.avg_deal': '平均客單價',
    'col.rate_source': '轉化率來源',
    'col.implied_cost': '所需費用',
    'col.bottom_up_leads': '自下而上線索',
    'col.type': '類型',
    'col.last_year_cost': '去年費用',
    'col.planned_cost': '計劃費用',
    'col.change': '變化',
    'col.expected_leads': '預計線索',
    'col.expected_revenue': '預計成交額',
    'col.marginal_roi': '邊際ROI',
    'col.min': '下限',
    'col.max': '上限',
    'col.locked': '鎖定',
    'col.fit': '擬合',
    'col.quarter': '季度',
    'col.week': '週',
    'col.platform': '平臺',
    'col.mentions': '提及量',
    'col.rank': '排名',
    'value.total': '合計',
    'value.achieved': '達成',
    'value.at_risk': '有風險',
    'value.missed': '未達成',
    'value.star': '明星：量大質優',
    'value.volume': '流量型：量大質低',
    'value.quality': '精品型：量小質優',
    'value.question': '問題型：量小質低',
    'value.lead': '線索',
    'value.mql': 'MQL',
    'value.sql': 'SQL',
    'value.opp': '商機',
    'value.won': '成交客戶',
    'value.new': '新客戶',
    'value.existing': '老客戶',
    'value.all': '全部',
    'value.error': '錯誤',
    'value.warning': '警告',
    'value.info': '提示',
    'value.completion': '完成層',
    'value.effect': '效果層',
    'value.roi': 'ROI層',
    'value.channel': '渠道',
    'value.overall': '整體',
    'value.proven': '成熟渠道',
    'value.experiment': '實驗渠道',
    'value.headcount': '人員',
    'value.unassigned': '（無渠道）',
    'cli.rebuilt': '已重建 {path}：生成 {count} 個工作表',
    'cli.data_check': '數據檢查：{errors} 個錯誤，{warnings} 個警告，{infos} 條提示',
    'cli.more_rows': '  …… 另有 {count} 行，見數據檢查表',
    'col.lead_to_mql': '線索→MQL',
    'col.mql_to_sql': 'MQL→SQL',
    'col.sql_to_opp': 'SQL→商機',
    'col.opp_to_won': '贏單率',
    'col.customers': '成交客戶',
    'col.pick': '採用',
    'col.plan_leads': '計劃線索',
    'col.budget': '預算',
    'col.week_start': '週起始日',
    'col.needed_before_year': '年初前所需',
    'col.pipeline_carried': '在途結轉',
    'col.name': '名稱',
    'col.owner': '負責人',
    'col.start': '開始',
    'col.end': '結束',
    'col.kpi': 'KPI',
    'col.problem': '問題',
    'col.root_cause': '根因',
    'col.action': '改進措施',
    'col.due': '截止日期',
    'col.role': '崗位',
    'col.headcount': '人數',
    'col.okr': 'OKR',
    'value.top_down': '自上而下',
    'value.bottom_up': '自下而上',
    'msg.plan_no_target': '設置中沒有營收目標：漏斗目標留空',
    'msg.plan_no_deal_size': (
        '沒有平均客單價：請在設置表中填寫平均客單價（歷史數據中沒有成交金額）'
    ),
    'msg.plan_zero_target': '營收目標為 0：所有漏斗目標均為 0',
    'msg.plan_bad_rate': '歷史轉化率 {rate} 為 0 或空：該階段之前的目標留空',
    'msg.plan_no_spend': '渠道 {channel} 沒有費用：其單線索費用和所需費用留空',
    'msg.plan_bad_rate_many': '{count} 個歷史轉化率為 0 或空（{names}）：這些階段之前的目標留空',
    'msg.plan_no_spend_many': '{count} 個渠道沒有費用（{names}）：其單線索費用和所需費用留空',
    'msg.plan_short_history': '歷史數據不足一年：月度目標按平均分配',
    'msg.plan_no_won_history': '歷史數據中沒有成交：月度目標按平均分配',
    'msg.plan_lead_time_gap': '{stage}：年初前需要的 {gap:,.0f} 個未被在途結轉覆蓋',
    'msg.plan_no_budget': (
        '設置中沒有總預算：項目預算跟隨目標，取目標所需費用加實驗預算比例（{amount:,.2f}'
        '）'
    ),
    'msg.plan_no_budget_at_all': '設置中沒有總預算，目標也無法推算費用：項目預算為 0',
    'msg.plan_budget_below_headcount': (
        '總預算 {budget:,.2f} 低於人員費用 {headcount:,.2f}：項目預算為 0'
    ),
    'msg.plan_budget_below_locked': (
        '成熟渠道預算 {budget:,.2f} 低於鎖定金額合計 {locked:,.2f}：'
        '鎖定金額按比例縮減，其他渠道為 0'
    ),
    'msg.plan_budget_below_min': (
        '成熟渠道預算 {budget:,.2f} 低於各渠道下限合計 {minimum:,.2f}：下限按比例縮減'
    ),
    'msg.plan_budget_above_max': (
        '成熟渠道預算 {budget:,.2f} 高於各渠道上限合計 {maximum:,.2f}：超出部分按比例分配'
    ),
    'msg.plan_curve_note': '預算響應曲線是根據月度費用與結果得出的相關性估計，並非因果證明',
    'title.fit_power': '冪函數曲線 y = {a:.4g}·x^{b:.2f}，R² {r2:.2f}，{n} 個月',
    'title.fit_flat': '固定比率：每單位費用 {rate:.4g}（{reason}）',
    'title.fit_none': '無費用歷史：無曲線',
    'title.fit_experiment': '實驗渠道：無曲線',
    'value.fit_few_months': '不足 6 個月',
    'value.fit_no_diminishing': '無邊際遞減，b ≥ 1',
    'value.fit_weak': '擬合較弱，R² < 0.3',
    'col.share_override': '占比調整',
    'msg.sheet_missing': '未找到工作表 {sheet}：按無數據處理',
    'msg.settings_missing': '未找到工作表 {sheet}：使用默認設置',
    'msg.header_missing': '前 10 行中沒有找到表頭（應包含 {columns} 等列）',
    'msg.column_missing': '工作表 {sheet} 缺少必填列 {column}',
    'msg.excel_error': '單元格 {cell} 是 Excel 錯誤值 {value}：已忽略',
    'msg.excel_error_many': (
        '{count} 個單元格是 Excel 錯誤值，如 {examples}（單元格 {rows} …）：'
        '已忽略'
    ),
    'msg.not_a_number': '“{value}”不是數字：已忽略',
    'msg.not_a_number_many': '{count} 個值不是數字，如 {examples}（第 {rows} 行 …）：已忽略',
    'msg.not_a_date': '“{value}”不是日期：留空',
    'msg.not_a_date_many': '{count} 個值不是日期，如 {examples}（第 {rows} 行 …）：留空',
    'msg.not_a_month': '“{value}”不是月份：該行已忽略',
    'msg.not_a_month_many': '{count} 個值不是月份，如 {examples}（第 {rows} 行 …）：這些行已忽略',
    'msg.negative': '負數 {value}：已忽略',
    'msg.negative_many': '{count} 個負數，如 {examples}（第 {rows} 行 …）：已忽略',
    'msg.required_blank': '必填值為空：該行已忽略',
    'msg.required_blank_many': '{count} 行的必填值為空（第 {rows} 行 …）：這些行已忽略',
    'msg.duplicate_id': 'ID {value} 重複（首次出現在第 {first} 行）：該行已忽略',
    'msg.duplicate_id_many': '{count} 個重複 ID，如 {examples}（第 {rows} 行 …）：這些行已忽略',
    'msg.ambiguous_dates': (
        '所有日期既可按日在前也可按月在前理解：'
        '已按{order}讀取。請在字段映射表中填寫日期格式以確認'
    ),
    'msg.stage_order': '日期 {value} 早於前一階段 {earlier}（{earlier_value}）',
    'msg.stage_order_many': '{count} 個日期早於前一階段 {earlier}，如 {examples}（第 {rows} 行 …）',
    'msg.backfilled': '為空但後續階段有日期：已用 {later}（{value}）補齊',
    'msg.backfilled_many': (
        '{count} 條線索此日期為空但後續階段有日期：'
        '已用下一階段日期補齊（第 {rows} 行 …）'
    ),
    'msg.deal_not_found': '成交 {value} 在工作表 {leads} 中找不到：已忽略',
    'msg.deal_not_found_many': (
        '{count} 條成交在工作表 {leads} 中找不到，如 {examples}（第 {rows} 行 …）：'
        '已忽略'
    ),
    'msg.lead_type_unknown': '客戶類型“{value}”既不是新客戶也不是老客戶：留空',
    'msg.lead_type_unknown_many': (
        '{count} 個客戶類型既不是新客戶也不是老客戶，如 {examples}（第 {rows} 行 …）：'
        '留空'
    ),
    'msg.channel_blank': '渠道為空：計入“{unassigned}”',
    'msg.channel_blank_many': '{count} 條線索沒有渠道：計入“{unassigned}”（第 {rows} 行 …）',
    'msg.mapping_unreadable': '字段映射表需要工作表、字段和源列名三列：已忽略',
    'msg.mapping_unknown_sheet': '未知的輸入工作表“{value}”：該映射行已忽略',
    'msg.mapping_unknown_column': '工作表 {sheet} 的字段未知或源列名為空“{value}”：該映射行已忽略',
    'msg.mapping_bad_date_format': '日期格式“{value}”不是 dmy、mdy 或 ymd：自動識別',
    'value.dmy': '日-月-年',
    'value.mdy': '月-日-年',
    'value.ymd': '年-月-日',
    'col.item': '項目',
    'col.value': '數值',
    'col.lead_to_won': '線索→成交',
    'col.open_opps': '未結商機數',
    'col.pipeline_value': '商機金額',
    'col.win_rate': '贏單率',
    'col.expected_value': '預期金額',
    'col.expected_next_year': '預計明年成交金額',
    'col.share_last_year': '去年份額',
    'col.rank_last_year': '去年排名',
    'value.programme_cost': '項目費用',
    'value.headcount_cost': '人員費用',
    'value.revenue': '成交額',
    'value.roi_programme': 'ROI（僅項目費用）',
    'value.roi_fully_loaded': 'ROI（全口徑，含人員費用）',
    'msg.goal_target_zero': '目標“{goal}”：目標值為 0，完成率留空',
    'msg.goal_metric_unknown': '指標“{metric}”無法識別；可用指標：{known}',
    'msg.goal_no_actual': '目標“{goal}”：沒有實際值也沒有指標鍵，完成率留空',
    'sheet.team': '團隊規劃',
    'title.roi_matrix': '渠道ROI矩陣',
    'title.funnel': '全鏈路漏斗',
    'title.events': '活動全鏈路復盤',
    'title.monthly': '月度分布',
    'title.sales_cycle': '成交週期（線索到成交天數）',
    'title.pipeline': '商機結轉至明年',
    'title.goal_review': '目標回顧',
    'title.share_of_voice': '聲量份額',
    'title.targets': '目標拆解（可模擬）',
    'title.plan_quarterly': '季度拆解',
    'title.plan_monthly': '月度拆解',
    'title.plan_weekly': '週拆解',
    'title.budget': '市場預算',
    'title.workplan': '年度工作計劃',
    'title.actions': '改進行動',
    'title.team': '團隊',
    'title.data_check': '數據檢查',
    'title.message_house': '信息屋',
    'title.dashboard': '{year} 一頁紙看板',
    'title.how_to': '如何使用本工作簿',
    'title.how_to_1': (
        '將CRM和投放數據粘貼到輸入表（深藍色標籤）：線索、費用、人員費用、目標及'
        '可選表。'
    ),
    'title.how_to_2': '填寫設置表：回顧年度、幣種、明年營收目標、預算、語言。',
    'title.how_to_3': (
        '重新生成：點擊Excel中的xlreview按鈕，或運行 `xlreview rebuild 工作簿.xlsx`。綠色標'
        '籤的表為自動生成，每次重新生成都會被替換。'
    ),
    'title.how_to_4': '先查看數據檢查表：錯誤表示相應數值已被忽略。',
    'title.how_to_5': (
        '在目標拆解表中，黃色單元格可做假設分析：修改占比、轉化率（或在設置表中修改營收目標和客單價），'
        '漏斗、所有計劃表、預算校驗和情景對比會立即重新計算，無需 Python。'
    ),
    'title.how_to_6': (
        '目標拆解表中的自下而上線索數、占比調整和手動輸入的占比與轉化率（清空即恢復歷史值）、'
        '預算表中的下限/上限/鎖定，以及情景對比中的衝刺/保守數值，重新生成時會保留。'
    ),
    'title.how_to_7': '基於曲線的預算數字是相關性估計，並非因果證明。',
    'title.roi_note': 'ROI =（成交額 − 費用）/ 費用；沒有費用的渠道不計算ROI。',
    'title.roi_summary': '部門整體ROI',
    'title.opp_per_lead': '每條線索商機數',
    'title.median_lines': '象限分界線（中位數）',
    'title.median': '中位數',
    'title.chart_quadrant': '渠道象限：數量 × 質量（氣泡大小 = 費用）',
    'title.chart_cost_revenue': '各渠道費用與成交額',
    'title.chart_funnel': '各階段漏斗',
    'title.chart_monthly': '每月MQL、SQL、商機與成交',
    'title.chart_targets': '各渠道漏斗目標',
    'title.chart_quarterly': '季度目標',
    'title.chart_budget': '預算：去年與計劃對比',
    'title.funnel_note': (
        '期間口徑：年內到達該階段的數量；當年線索跟進口徑：年內新建的線索至今到達該階段的數量。'
    ),
    'title.goal_note': (
        '完成率 = 實際 / 目標（越低越好的指標為 目標 / 實際）。綠色 ≥ 100%，橙色 ≥ 80%，'
        '紅色為以下。'
    ),
    'title.pipeline_note': '年末未結商機 × 歷史贏單率，按成交週期分攤到明年各月。',
    'title.pipeline_months': '每月預計成交額',
    'title.targets_note': (
        '黃色單元格可做假設分析，所有計劃表和預算校驗隨之更新。B3:B5 和 B7 取自設置表：請'
        '在設置表中修改（在此輸入的數字在下次重新生成前有效）。占比和轉化率按歷史計算；手'
        '動輸入的值會保留（轉化率來源顯示“手動”，輸入的占比轉入占比調整），清空該單元格即'
        '恢復歷史值。自下而上線索數和採用方式在重新生成時保留。'
    ),
    'title.company_target': '公司營收目標',
    'title.new_share': '新客戶占比',
    'title.marketing_share': '市場部貢獻占比',
    'title.marketing_target': '市場部成交額目標',
    'title.plan_lead_time': '需在年初前準備的數量',
    'title.budget_note': (
        '黃色單元格（類型、下限、上限、鎖定）為輸入項，重新生成時保留。預算校驗為實時公式'
        '：計劃所需隨目標拆解變化。基於曲線的數字為相關性估計。'
    ),
    'title.workplan_note': '開始與結束之間的週以色塊顯示。',
    'title.gantt': '甘特圖（按週）',
    'title.data_check_note': '錯誤：該值已被忽略。警告：已使用，但請核對。',
    'title.kpi_revenue': '市場來源成交額',
    'title.kpi_next_target': '上一年 {last}（{change}）；明年目標 {target}',
    'title.kpi_completion': '目標完成率',
    'title.kpi_completion_sub': '按權重加權；單個目標最多計 {cap:.0%}',
    'title.kpi_roi': 'ROI（含人員費用）',
    'title.kpi_roi_sub': '含項目費用與人員費用',
    'title.kpi_pipeline': '商機結轉',
    'title.kpi_pipeline_sub': '預計明年落地',
    'title.kpi_cac_sub': '每個成交客戶的費用',
    'help.settings': '設置：在每個參數右側填寫數值；留空即使用默認值。右側為說明。',
    'help.leads': (
        '線索：將CRM導出的數據粘貼到表頭下方，每行一條線索'
        '（日期請用日期格式；CRM跳過的階段無需補填）。'
    ),
    'help.deals': '成交（可選）：第二份成交導出數據，按線索ID合併到線索表。',
    'help.spend': '費用：每個月份、渠道和活動一行：費用、訪問量、曝光量。',
    'help.headcount': '人員費用：市場崗位、年度費用及投入市場工作的時間占比（1 = 全職）。',
    'help.goals': (
        '目標：按模塊和層級（完成層、效果層、ROI層）填寫本年目標；'
        '實際值留空並填寫指標（如 線索、成交額、獲客費用），即從數據中自動計算。'
    ),
    'help.mentions': '聲量（可選）：各平臺每月本品牌及競品的提及量，用於計算聲量份額。',
    'help.initiatives': '年度項目：明年的項目及開始、結束日期、負責人、預算和KPI（用於甘特圖）。',
    'help.message_house': (
        '信息屋：部分填寫 屋頂、支柱、證據 或 地基（也可填 roof、pillar、proof、foundation）；'
        '證據需註明所屬支柱。'
    ),
    'help.improvements': '改進清單：本年發現的問題、根因、改進措施、負責人和截止日期。',
    'help.team': '團隊：明年的崗位、人數、費用（該行的年度總費用）或人均費用（× 人數）和OKR。',
    'help.mapping': '字段映射（可選）：導出數據的列名與本模板不同時，在此將其映射到本模板的字段。',
    'help.mapping_example': (
        '示例：工作表 = 線索，字段 = 創建日期，源列名 = first_contact_date，日期格式 = 日月年'
        '（日月年、月日年、年月日，留空 = 自動識別）。字段 = 工作表、源列名 = 本工作簿中的'
        '表名：即按該表讀取線索。'
    ),
    'help.invalid_date': '請輸入日期，例如 2025-03-31。',
    'help.invalid_number': '請輸入大於或等於 0 的數字。',
    'help.invalid_share': '請輸入 0 到 1 之間的比例（例如 50%）。',
    'help.invalid_choice': '請從列表中選擇。',
    'col.setting_description': '說明',
    'setting.fiscal_year': '回顧年度；留空 = 最新線索所在年份。',
    'setting.currency': '金額格式中顯示的貨幣：CNY、USD、EUR、¥、$ 等。',
    'setting.revenue_target': '明年公司營收目標。',
    'setting.new_customer_share': '營收目標中來自新客戶的比例（例如 60%）。',
    'setting.marketing_share': '新客戶成交額中由市場部貢獻的比例（例如 50%）。',
    'setting.avg_deal_size': '平均客單價；留空 = 回顧年度新客戶成交的平均金額。',
    'setting.budget_total': '明年市場總預算（含人員費用）。',
    'setting.experiment_share': '項目預算中留給實驗渠道的比例（默認 20%）。',
    'setting.seasonality': '月度權重：按歷史（歷史各月成交額占比）或 平均。',
    'setting.language': '生成工作表的語言：en（英文）、zh-CN（簡體中文）或 zh-TW（繁體中文）。',
    'setting.brand': '本品牌名稱，與聲量表中的寫法一致。',
    'setting.budget_method': (
        '成熟渠道預算的分配方式：按目標推算、按ROI、按響應曲線 或 跟隨目標（預算跟隨目標'
        '，總預算為上限）。'
    ),
    'setting.min_conversions': '某階段轉化數少於此值時，該渠道使用整體轉化率（默認 20）。',
    'setting.share_copy': '是 = 每次重建時另存一份僅含數值的分享副本。',
    # cell functions and live Excel (cellfuncs, io/excel)
    'msg.udf_rates': '需要4個0到1之間的值',
    'msg.udf_not_number': '需要數字，收到 {value!r}',
    'msg.udf_negative': '需要大於等於0的數字',
    'msg.udf_positive': '需要大於0的數字',
    'msg.udf_stage': '未知階段 {value!r}：請用 線索、MQL、SQL、商機 或 成交客戶',
    'msg.udf_leads_header': '需要表頭行，並含階段日期列（MQL日期 … 成交日期）',
    'msg.udf_no_channel_column': '區域中沒有渠道列',
    'msg.udf_unknown_channel': '沒有渠道 {value!r} 的線索',
    'msg.udf_no_leads': '表頭行下沒有線索',
    'msg.udf_empty': '至少需要一個單元格',
    'msg.udf_whole': '需要大於等於0的整數',
    'msg.udf_same_length': '單元格個數需與 {other} 相同',
    'msg.udf_share': '需要0到1之間的比例',
    'msg.excel_step': 'xlreview：{step}…',
    'msg.excel_problems': '{errors} 個錯誤、{warnings} 個警告：請查看“數據檢查”工作表',
    'msg.excel_failed': '重建已停止：{error}',
    'title.excel_alert': 'xlreview',
    'title.avg_deal': '平均客單價',
    'title.customers_needed': '所需成交客戶數',
    'title.fit_revenue_per_lead': '成交額 = 線索 × {value:,.0f}',
    'cli.list_separator': '、',
    'cli.where_separator': '，',
    'cli.problem': '  [{severity}] {where}：{message}',
    'cli.row': '第 {row} 行',
    # Settings sheet: keys and coded values as shown (both languages accepted when read)
    'setting_key.fiscal_year': '回顧年度',
    'setting_key.currency': '幣種',
    'setting_key.revenue_target': '明年營收目標',
    'setting_key.new_customer_share': '新客戶占比',
    'setting_key.marketing_share': '市場部貢獻占比',
    'setting_key.avg_deal_size': '平均客單價',
    'setting_key.budget_total': '明年總預算',
    'setting_key.experiment_share': '實驗預算占比',
    'setting_key.seasonality': '月度權重',
    'setting_key.language': '語言',
    'setting_key.brand': '本品牌',
    'setting_key.budget_method': '預算分配方式',
    'setting_key.min_conversions': '最少轉化數',
    'setting_key.share_copy': '分享副本',
    'setting_value.history': '按歷史',
    'setting_value.flat': '平均',
    'setting_value.implied': '按目標推算',
    'setting_value.roi': '按ROI',
    'setting_value.curve': '按響應曲線',
    'setting_value.yes': '是',
    'setting_value.no': '否',
    'cli.template_written': '模板已寫入：{path}',
    'msg.mapping_sheet_not_found': '工作簿中沒有工作表“{value}”：{sheet} 按默認名稱讀取',
    'msg.setting_unknown': '未知的設置項“{value}”：已忽略',
    'msg.setting_not_whole': '{key}：“{value}”不是整數，使用默認值',
    'msg.setting_not_number': '{key}：“{value}”不是數字，使用默認值',
    'msg.setting_negative': '{key}：“{value}”是負數，使用默認值',
    'msg.setting_not_share': '{key}：“{value}”不是 0 到 1 之間的比例，使用默認值',
    'msg.setting_not_yes_no': '{key}：“{value}”不是“是”或“否”，使用默認值',
    'msg.setting_not_choice': '{key}：“{value}”不是 {choices} 之一，使用默認值',
    # keys of issue 10 (revenue scopes, stages not tracked, lifetime, goal cap)
    'help.channels': (
        '渠道（可選）：每個渠道的分組（自有 / 新拓）和線索來源方（市場 / 合作夥伴 / 銷售；'
        '留空 = 市場）。只有市場來源的新客戶成交額與市場目標對比。'
    ),
    'msg.channel_scope_unknown': '{value!r} 不是 {choices} 之一：按空白處理',
    'msg.stages_not_tracked': (
        '導出數據沒有 {stages} 的日期（缺少該列或全部為空）：顯示為“未跟蹤”，轉化率跨過這'
        '些階段計算（如 MQL → 成交客戶），不會用後續階段的日期補填'
    ),
    'value.not_tracked': '未跟蹤',
    'value.won_revenue': '成交額（全部成交）',
    'value.new_customer_revenue': '新客戶成交額',
    'value.existing_customer_revenue': '老客戶成交額',
    'value.marketing_sourced_revenue': '市場來源成交額（新客戶）',
    'value.marketing_sourced_last_year': '市場來源成交額（上一年）',
    'value.marketing_target': '明年市場目標',
    'col.note': '備註',
    'title.win_rate_decided': (
        '贏單率 = 贏單數 ÷ 已決商機數（{year}年12月31日前贏單或輸單）：{decided} 個中贏 '
        '{won} 個 = {rate:.1%}。目標拆解和商機結轉都用這個贏單率；上表的轉化率跟蹤的是今年'
        '線索到目前為止的轉化，包含尚未結束的商機。'
    ),
    'title.win_rate_no_lost': (
        '贏單率 = 贏單數 ÷ 足夠早、本應已有結果的全部{stage}（導出數據沒有輸單記錄）：'
        '{decided} 個中贏 {won} 個 = {rate:.1%}。目標拆解和商機結轉都用這個贏單率；上表的轉'
        '化率跟蹤的是今年線索到目前為止的轉化。'
    ),
    'msg.pipeline_not_tracked': '導出數據沒有商機日期：沒有可結轉的在途商機（未跟蹤）',
    'title.deal_setting': '取自設置（平均客單價）',
    'title.deal_year': '{year}年成交的 {deals} 個新客戶訂單的平均金額',
    'title.deal_history': '全部 {deals} 個新客戶訂單的平均金額（{year}年無新客戶成交）',
    'title.deal_all_deals': '全部 {deals} 個成交訂單的平均金額（數據中沒有新客戶訂單）',
    'title.marketing_last_year': (
        '同口徑對比：{year}年市場來源新客戶成交額 = {value}，目標變化 {change}'
    ),
    'title.targets_not_tracked': (
        '{stages}：導出數據未跟蹤；轉化率跨過這些階段（此時 MQL→SQL 列即 MQL→成交客戶）'
    ),
    'setting.goal_cap': '加權目標得分中單個目標最多計入的完成率（默認100%）。',
    'col.lifetime_leads': '全週期線索',
    'col.lifetime_cost': '全週期費用',
    'col.lifetime_revenue': '全週期成交額（至今）',
    'col.lifetime_roi': '全週期ROI',
    'setting_key.goal_cap': '單個目標完成率上限',
    'msg.setting_not_cap': '{key}：“{value}”不是大於 0 的完成率（例如 100%），使用默認值',
    'msg.setting_unusable': '{key}：“{value}”無法使用，使用默認值',
    'ribbon.tab': '復盤規劃',
    'ribbon.button': '重建計劃',
    'ribbon.tip': '根據輸入表重建所有生成表',
    # keys of issues 11–12 (budget check, live plan, scenarios)
    'col.metric': '指標',
    'col.plan_needs': '計劃所需',
    'col.budget_buys': '預算可買',
    'col.cost_per_person': '人均費用',
    'title.budget_check': '預算能否支撐計劃？',
    'title.budget_check_note': (
        '計劃所需：目標拆解的合計行（項目費用 = 目標所需費用加實驗預算比例）。預算可買：'
        '預算各行的預計線索（取整）與成交額；成交客戶 = 這些線索 × 計劃的線索→客戶轉化率'
        '（客戶 ÷ 計劃線索），向下取整。差額 = 預算可買 − 計劃所需。'
    ),
    'msg.budget_short_leads': (
        '預算可買 {bought:,.0f} 條線索，比計劃所需的 {needed:,.0f} 條少 {short:,.0f} 條；'
        '按計劃的單線索費用（{cpl:,.2f} = 目標拆解的所需費用 ÷ 線索）補足約需再投入 '
        '{cost:,.2f}'
    ),
    'msg.budget_short_leads_no_cpl': (
        '預算可買 {bought:,.0f} 條線索，比計劃所需的 {needed:,.0f} 條少 {short:,.0f} 條（'
        '目標拆解中沒有單線索費用，無法估算補足費用）'
    ),
    'msg.plan_target_capped': (
        '預算分配方式為 跟隨目標：目標需要項目預算 {need:,.2f}，但總預算 {total:,.2f} 扣'
        '除人員費用後只剩 {cap:,.2f}：按上限 {cap:,.2f} 執行'
    ),
    'msg.plan_target_no_implied': (
        '預算分配方式為 跟隨目標：目標推算不出費用（沒有目標或單線索費用）：項目預算取總'
        '預算扣除人員費用後的 {cap:,.2f}'
    ),
    'col.weight': '權重',
    'col.cumulative': '累計占比',
    'col.lag_months': '提前月數',
    'title.seasonality': '季節性權重（來自歷史）',
    'title.plan_monthly_note': (
        '實時公式，無輸入項：每月按季節性權重拆分目標拆解合計行（累計拆分：整數之和等於合'
        '計）；收入隨成交客戶分攤；'
        '前段階段按提前月數（見下方）前移；預算隨每月線索分配。'
    ),
    'title.plan_quarterly_note': '實時公式，無輸入項：每季度為其三個月之和。',
    'title.plan_weekly_note': (
        '實時公式，無輸入項：每週歸入其週四所在的月份（月份列），平均分攤該月目標，'
        '各週之和等於當月；成交額隨成交客戶分攤，沒有成交客戶的週沒有成交額。'
    ),
    'sheet.scenarios': '情景對比',
    'title.scenarios': '情景對比：每個版本的計劃需要什麼',
    'title.scenarios_note': (
        '基準跟隨計劃（目標拆解、設置、預算）。衝刺與保守：基準目標 ± 情景幅度（設置）；'
        '黃色單元格由您填寫：可重命名列、輸入任意值，重新生成時保留。右側結果為實時公式。'
    ),
    'col.scenario_input': '輸入',
    'col.scenario_outcome': '所需',
    'col.base': '基準',
    'col.stretch': '衝刺',
    'col.cautious': '保守',
    'value.scenario_revenue_target': '公司營收目標',
    'value.scenario_new_customer_share': '新客戶占比',
    'value.scenario_marketing_share': '市場部貢獻占比',
    'value.scenario_avg_deal': '平均客單價',
    'value.scenario_lead_to_mql': '線索→MQL',
    'value.scenario_mql_to_sql': 'MQL→SQL',
    'value.scenario_sql_to_opp': 'SQL→商機',
    'value.scenario_opp_to_won': '贏單率',
    'value.scenario_budget_total': '總預算（含人員費用）',
    'value.scenario_customers': '成交客戶',
    'value.scenario_opp': '商機',
    'value.scenario_sql': 'SQL',
    'value.scenario_mql': 'MQL',
    'value.scenario_leads': '線索',
    'value.scenario_implied_cost': '所需費用',
    'value.scenario_budget_gap': '預算差額（達成目標後剩餘）',
    'setting.scenario_spread': '衝刺與保守情景：營收目標 ± 此比例（默認 20%）。',
    'msg.plan_typed_over_setting': (
        '目標拆解 {cell} 中輸入了 {typed:,.10g}，覆蓋了指向設置 {setting} 的公式；重新生'
        '成使用設置中的值（{value:,.10g}）：如需保留，請在設置中輸入'
    ),
    'setting_key.scenario_spread': '情景幅度',
    'setting_value.target': '跟隨目標',
    # keys of issue 12 (refusals, references, stray cells)
    'msg.file_missing': '{path} 不存在：請檢查文件名和文件夾。',
    'msg.file_is_folder': '{path} 是文件夾，不是工作簿：請給出 .xlsx 文件的路徑。',
    'msg.file_unreadable': (
        '無法讀取 {path}：您沒有打開它的權限。請把它複製到您自己的文件夾後重試。'
    ),
    'msg.file_read_only': (
        '{path} 是只讀文件，未寫入任何內容：請取消只讀屬性（或另存為其他文件名）後重新生'
        '成。'
    ),
    'msg.folder_read_only': (
        '無法在 {path} 所在文件夾中寫入（沒有權限），未寫入任何內容：請把工作簿移到您可寫'
        '入的文件夾。'
    ),
    'msg.folder_missing': '文件夾 {folder} 不存在：請先創建它，或選擇其他文件夾。',
    'msg.disk_full': '{path} 所在磁盤已滿，工作簿保持不變：請釋放一些空間後重試。',
    'msg.file_too_big': (
        '新工作簿將超過本系統的文件大小限制（ulimit -f），工作簿保持不變：請提高限制後重'
        '試。'
    ),
    'msg.file_protected': (
        '{path} 無法被替換：系統保護了它（不可變或被鎖定的文件），工作簿保持不變。請取消'
        '該保護，或另存一份副本並生成副本。'
    ),
    'msg.write_failed': '無法在 {path} 旁寫入，工作簿保持不變：請檢查磁盤和文件夾後重試。',
    'msg.read_failed': '無法讀取 {path}：請確認磁盤或網絡文件夾可用後重試。',
    'msg.interrupted': '已在寫入前停止：工作簿保持不變。',
    'msg.interrupted_share': '已停止：工作簿已重新生成，但未寫入可分享的副本。',
    'msg.xlsb': (
        '{path} 是二進制工作簿（.xlsb），xlreview 無法重新生成：請在 Excel 中另存為 .xlsx（檔案 > '
        '另存新檔）後生成該文件。'
    ),
    'msg.old_format': (
        '{path} 的格式 xlreview 無法重新生成（{kind}）：請在 Excel 中另存為 .xlsx（檔案 > 另存新檔'
        '）後生成該文件。'
    ),
    'msg.encrypted': (
        '{path} 受密碼保護（或是舊的 .xls 文件）：請在 Excel 中取消密碼（檔案 > 資訊 > 保護活頁簿）'
        '或另存為 .xlsx，然後重新生成。'
    ),
    'msg.not_a_workbook': (
        '{path} 不是 xlreview 能讀取的 Excel 工作簿（已損壞或是其他類型）：請在 Excel 中'
        '打開並另存為 .xlsx，然後生成該文件。'
    ),
    'msg.no_input_sheets': (
        '{path} 沒有 xlreview 輸入表（線索、費用、設置……），未寫入任何內容：請用 `xlrevie'
        'w template 新文件.xlsx` 創建工作簿並把數據粘貼進去。'
    ),
    'msg.sheet_name_taken': (
        '您的工作表“{sheet}”與生成的工作表同名（{generated}），未寫入任何內容：請重命名您'
        '的工作表（例如“{sheet}（自有）”）後重新生成。'
    ),
    'msg.signed': (
        '{path} 帶有數字簽名，重新生成會使簽名失效，未寫入任何內容：如仍要繼續，請加 --fo'
        'rce 重新生成，然後在 Excel 中重新簽名。'
    ),
    'msg.signed_warning': (
        '警告：{path} 原有數字簽名，簽名與重新生成的文件不再相符：請在 Excel 中重新簽名。'
    ),
    'msg.no_office': (
        '生成報告 PDF 需要 LibreOffice（免費，libreoffice.org），本機未安裝：請安裝它；或在 Excel '
        '中點擊“一頁紙看板”標籤，按住 Shift 點擊最後一個生成的標籤，再用“檔案 > 匯出 > PDF”。'
    ),
    'msg.office_failed': (
        'LibreOffice 無法把 {path} 轉成 PDF：請先用 LibreOffice 或 Excel 打開檢查一次，再試。'
    ),
    'msg.no_report': '{path} 還沒有生成的工作表：請先對它運行 xlreview rebuild。',
    'cli.pdf_written': '報告已寫入：{path}（{sheets} 個工作表，{pages} 頁，看板在首頁）',
    'cli.share_written': '可分享的副本已寫入：{path}',
    'cli.addin_removed': '增益集已刪除：{path}',
    'cli.addin_not_installed': '{folder} 中沒有安裝增益集：無需刪除。',
    'msg.addin_no_xlwings': '未安裝 xlwings：請運行 pip install xlwings 後再試。',
    'msg.addin_no_template': (
        '{folder} 中沒有 {template}：請重新安裝 xlwings（pip install --force-reinstall '
        'xlwings）後再試。'
    ),
    'msg.addin_no_callback': 'xlwings 增益集模板的 {part} 中沒有按鈕：請重新安裝 xlwings 後再試。',
    'msg.addin_no_appdata': (
        '未設置 APPDATA，找不到 Excel 的增益集文件夾（XLSTART）：請用 --folder 指定文件夾。'
    ),
    'msg.addin_platform': (
        'Excel 增益集只能安裝在 Windows 或 macOS 上：請用 xlreview addin build 生成，或用 --folder '
        '指定文件夾。'
    ),
    'msg.addin_locked': '{path} 正在使用中：請退出 Excel 後再試。',
    'msg.step_read': '讀取工作簿',
    'msg.step_inputs': '檢查輸入數據',
    'msg.step_review': '計算年度復盤',
    'msg.step_plan': '制定明年計劃',
    'msg.step_layout': '排版工作表',
    'msg.step_write': '寫入工作簿',
    'msg.step_share': '寫入可分享的副本',
    'msg.share_copy_kept': (
        '{path} 已存在且不是 xlreview 寫的副本：保留原文件，未寫入可分享的副本；請重命名或移走它，'
        '或關閉 share_copy'
    ),
    'msg.target_exists': (
        '{path} 已存在，未寫入任何內容：請換一個文件名，或加 --force 替換它（舊文件會保留'
        '為備份）。'
    ),
    'msg.backup_kept': '原文件已保留為 {path}。',
    'msg.same_file': '副本不能覆蓋工作簿本身：請換一個文件名。',
    'msg.reference_rewritten': '{what} ={old} 現為 ={new}：它引用的生成工作表或表格已改名',
    'msg.reference_broken': (
        '{what} ={old} 引用的生成工作表不再生成：將顯示 #REF!；請改為引用其他位置'
    ),
    'msg.reference_cell': '單元格 {cell}',
    'msg.reference_name': '名稱 {name}',
    'msg.out_of_memory': '內存不足，未寫入任何內容：請關閉其他程序後重試。',
    'msg.unexpected': (
        'xlreview 遇到意外問題而停止，未寫入任何內容：請報告此問題（設置 XLREVIEW_DEBUG=1'
        ' 可查看詳情）。'
    ),
    'msg.cells_ignored': (
        '遠離數據、位於 {cell} 之外的單元格未被讀取（誤輸入？）：如需要請移到表格旁'
    ),
    'msg.table_name_taken': (
        '您的工作簿已有名為“{name}”的表格或名稱，生成的工作表需要使用它，未寫入任何內容：'
        '請重命名您的表格或名稱（公式 > 名稱管理員）後重新生成。'
    ),
    'msg.workbook_open': (
        '{path} 正在 Excel 或 LibreOffice 中打開（旁邊有 {lock}），未寫入任何內容：請關閉'
        '它後重試。'
    ),
    'col.history_share': '重新生成時的占比',
    'col.history_lead_to_mql': '歷史線索→MQL',
    'col.history_mql_to_sql': '歷史MQL→SQL',
    'col.history_sql_to_opp': '歷史SQL→商機',
    'col.history_opp_to_won': '歷史贏單率',
    'value.typed': '手動',
    'msg.plan_typed_rate': (
        '{channel}：{column} 手動輸入 {typed}（歷史 {history}），保留為該渠道的轉化率；清'
        '空該單元格即恢復歷史值'
    ),
    'msg.plan_typed_share': (
        '{channel}：占比手動輸入 {typed}（重新生成時 {history}），保留為其占比調整；清空'
        '占比調整即恢復歷史值'
    ),
    'msg.plan_typed_total': (
        '合計行輸入的{column} {typed} 不會被採用：合計行顯示整個部門的歷史值（{history}）；'
        '請在渠道所在行輸入轉化率'
    ),
    'msg.plan_typed_range': (
        '{channel}：{column} 輸入的 {typed} 不在 0 到 100% 之間：使用歷史值 {history}'
    ),
    'msg.plan_typed_text': '{channel}：{column} 中的文字不是數字：使用歷史值 {history}',
    'msg.plan_typed_not_tracked': '{channel}：{column} 輸入的 {typed} 被忽略：導出數據未跟蹤該階段',
    # keys of the review and baseline work (year over year, hand-off, plan vs actual)
    'sheet.year_over_year': '同比',
    'sheet.plan_vs_actual': '計劃與實際',
    'sheet.campaign_channels': '活動渠道',
    'col.last_year': '去年',
    'col.this_year': '今年',
    'col.conversion_last_year': '去年轉化率',
    'col.period': '期間',
    'col.plan': '計劃',
    'col.variance': '差異',
    'col.forecast': '預測',
    'col.outcome': '結果',
    'col.brand': '品牌',
    'col.rank_change': '排名變化',
    'col.handoff': '交接結果',
    'value.accepted': '銷售接受（SAL）',
    'value.recycled': '退回培育',
    'value.rejected': '拒絕',
    'value.pending': '尚無結果',
    'title.year_over_year': '今年與去年對比',
    'title.yoy_note': (
        '變化：數量和金額為 今年 ÷ 去年 − 1（+25% 即多四分之一）；ROI 為百分點差。去年無'
        '數據時留空。'
    ),
    'title.plan_vs_actual': '計劃與實際對比',
    'title.pva_note': (
        '計劃基線中 {year} 年的每一行。實際截至 {as_of}；預測 = 實際 + 年初至今的月均值 ×'
        ' 剩餘月數。'
    ),
    'title.pva_note_no_data': '計劃基線中 {year} 年的每一行；尚無數據。',
    'title.chart_pva': '每月計劃與實際：{metric}',
    'title.campaign_channels': '跨渠道的活動',
    'title.campaign_channels_note': (
        '今年線索來自兩個及以上渠道的活動；口徑同渠道ROI矩陣（階段日期在本年）。'
    ),
    'title.sov_brands': '各平臺各品牌',
    'title.sov_trend': '每月提及量份額',
    'title.chart_sov_trend': '每月聲量份額',
    'title.handoff': '線索交接銷售（本年MQL）',
    'msg.handoff_unknown': '交接結果“{value}”不是接受、退回或拒絕：計為尚無結果',
    'msg.handoff_unknown_many': (
        '{count} 個交接結果不是接受、退回或拒絕（首個：“{value}”）：計為尚無結果'
    ),
    'msg.baseline_period': '期間“{value}”不是月份（2027-03）、季度（2027-Q1）或年份：已忽略該行',
    'msg.baseline_metric': '指標“{value}”未知（可用 {known}）：已忽略該行',
    'msg.baseline_plan': '計劃值不是數字：已忽略該行',
    'msg.baseline_channel': '渠道“{value}”沒有線索也沒有費用：其實際值為 0',
    'help.baseline': (
        '計劃基線：由“xlreview baseline”凍結的明年計劃（也可手工填寫）：期間 2027-03 / 2027-Q1 / '
        '2027，渠道（留空 = 全部），指標（線索、MQL、SQL、商機、成交客戶、成交額、費用，或英文 '
        'leads、mql、sql、opp、won、revenue、cost），計劃值。'
    ),
    'cli.baseline_written': '{year} 年計劃基線已寫入：{path}（“{sheet}”中 {rows} 行）',
    'msg.baseline_exists': (
        '工作簿已有 {year} 年的計劃基線（“{sheet}”中 {rows} 行）：如需替換請加 --force'
    ),
    'msg.baseline_empty': '計劃為空：請先在輸入表中粘貼線索（及費用）數據',
    'title.chart_yoy_revenue': '各渠道成交額：去年與今年',
    'title.chart_campaign_channels': '各活動線索的渠道構成',
    'title.goal_score_line': '加權目標得分：{score:.1%}（每個目標最多計 {cap:.0%}）',
    'title.goal_modules': '各模塊完成率',
    'title.chart_goal_modules': '各模塊完成率（加權，每個目標最多計 {cap:.0%}）',
    'title.kpi_roi_sub_yoy': '含項目費用與人員費用；項目ROI {this}，上年 {last}（{change}）',
    'title.kpi_cac_sub_yoy': '每個成交客戶的費用；上年 {last}（{change}）',
    'col.comment': '備註',
    'col.to_sql': '轉SQL率',
    'title.how_to_8': (
        '計劃定稿後請凍結：運行 `xlreview baseline 工作簿.xlsx` 寫入“計劃基線”工作表（也可'
        '手工填寫）。到了該年，“計劃與實際”會逐月跟蹤每一行，並按當前月均進度預測全年。'
    ),
    'title.how_to_9': (
        '打印或分享報告：工作簿打開時停在“一頁紙看板”，按 Ctrl+P 即打印看板；運行 `xlreview pdf '
        '工作簿.xlsx` 把全部生成的工作表導出為一個 PDF（在 Excel 中：點擊“一頁紙看板”標籤，按住 '
        'Shift 點擊最後一個綠色標籤，用“檔案 > 匯出 > PDF”，再單擊任一標籤取消組合）'
        '。'
    ),
    'title.pva_year': '{year} 年概覽（全部渠道）',
    'col.forecast_completion': '預測 ÷ 計劃',
    # keys of issues 13 and 16 (live Excel, add-in, plan on a page, modules, OKR, lessons):
    # drafted with OpenCC s2tw, reviewed by hand against zh_CN and en
    'col.programme_budget': '項目預算',
    'msg.mapping_source_missing': (
        '字段映射第 {row} 行從列名“{source}”讀取 {column}，但工作表 {sheet} 沒有該列：'
        '其列名為 {found}。請將源列名改為其中之一'
    ),
    'msg.excel_live_unsaved': (
        'xlreview：此工作簿尚未保存，生成的工作表沒有圖表、條件格式、字體、填充、邊框和打印設置：'
        '請另存為本機上的 .xlsx 後再點一次，得到完整工作簿'
    ),
    'msg.excel_live_cloud': (
        'xlreview：此工作簿在 OneDrive 或 SharePoint 上，生成的工作表沒有圖表、條件格式、字體、'
        '填充、邊框和打印設置：請打開本機同步的副本，得到完整工作簿'
    ),
    'msg.excel_live_read_only': (
        'xlreview：此工作簿為只讀，生成的工作表沒有圖表、條件格式、字體、填充、邊框和打印設置：'
        '請另存一份可編輯的副本，得到完整工作簿'
    ),
    'msg.excel_live_format': (
        'xlreview：此工作簿不是 .xlsx 文件，生成的工作表沒有圖表、條件格式、字體、填充、'
        '邊框和打印設置：請另存為 .xlsx，得到完整工作簿'
    ),
    'cli.addin_built': (
        '增益集已寫入：{path}\n'
        "下一步：運行 'xlreview addin install'，讓 Excel 每次啟動時載入；或在 Excel 中選擇 檔案 > "
        '選項 > 增益集 > 管理 Excel 增益集 > 執行 > 瀏覽，選中此文件；'
        '功能區隨即出現“復盤規劃”選項卡。'
    ),
    'cli.addin_installed': (
        '增益集已安裝：{path}\n'
        '下一步：重新啟動 Excel，功能區出現“復盤規劃”選項卡和“重建計劃”按鈕。'
    ),
    'title.bubble_size': '氣泡大小（費用，至少為最大值的 1/20）',
    'format.points': '+0.0" 個百分點";-0.0" 個百分點";0.0" 個百分點"',
    'sheet.plan_on_page': '一頁紙計劃',
    'sheet.module_plan': '模塊規劃',
    'sheet.okr_tree': 'OKR拆解',
    'sheet.lessons': '經驗與方法',
    'title.plan_on_page': '{year}年一頁紙市場計劃',
    'title.plan_on_page_note': (
        '每個數字都是引用目標拆解、市場預算、模塊規劃和季度拆解表的公式：改動那裡的輸入，'
        '本頁隨之更新。'
    ),
    'title.page_funnel': '從公司目標到線索',
    'title.page_budget': '預算',
    'title.page_house': '信息屋',
    'title.page_modules': '各模塊重點與KPI',
    'title.page_quarters': '季度主題',
    'title.page_risks': '主要風險與應對',
    'title.page_quarter_numbers': '線索 {leads} · 成交額 {revenue}',
    'title.module_plan': '模塊規劃：重點、策略、KPI與風險',
    'title.module_plan_note': '各模塊預算與市場預算表中項目預算的核對（見表下方）。',
    'title.module_budget_total': '模塊預算合計',
    'title.programme_total': '項目預算（市場預算表）',
    'title.module_budget_gap': '尚未分配到模塊',
    'title.okr_tree': 'OKR拆解：目標、關鍵結果及其對齊關係',
    'title.okr_note': (
        '關鍵結果完成率 = 實際值 ÷ 目標值；目標（O）的完成率取其下各項的平均值（每項最多計 100%），'
        '未填權重則各項等權。'
    ),
    'title.lessons': '做對了什麼，明年繼續做什麼',
    'title.lessons_note': '每項成功背後的可複用方法，右側是該模塊的目標完成率（取自目標回顧）。',
    'col.focus': '營銷重點',
    'col.strategy': '市場策略',
    'col.risk': '風險點',
    'col.response': '應對措施',
    'col.budget_share': '占項目預算',
    'col.level': '層級',
    'col.kind': '類型',
    'col.parent': '對齊到',
    'col.what_worked': '成功經驗',
    'col.method': '可複用方法',
    'col.evidence': '數據依據',
    'col.module_completion': '模塊目標完成率',
    'col.theme': '主題',
    'col.key_campaigns': '重點活動',
    'value.objective': '目標',
    'value.key_result': '關鍵結果',
    'value.reserve': '機動預算',
    'msg.okr_parent_missing': '{item}：對齊到 {parent!r}，但表中沒有這個目標或關鍵結果；顯示在頂層',
    'msg.okr_cycle': '以下各行相互對齊，形成循環：{items}；{item} 顯示在頂層',
    'msg.okr_duplicate': '{item!r} 出現不止一次；對齊到它的行歸入第一個',
    'msg.okr_target_zero': '{item}：目標值為 0，完成率留空',
    'msg.okr_negative_weight': '{item}：權重為負，按 1 計',
    'msg.quarter_unknown': '季度 {value!r} 不是 Q1、Q2、Q3 或 Q4；該行已忽略',
    'msg.quarter_duplicate': '{quarter} 有多個主題，已合併',
    'msg.module_budget_over': (
        '模塊預算合計 {modules:,.0f}，比項目預算 {programme:,.0f} 多 {gap:,.0f}'
    ),
    'help.modules': (
        '模塊計劃：明年各模塊（品牌、增長、內容、活動…）的營銷重點、市場策略、KPI及目標值、負責人、'
        '預算、主要風險與應對措施。'
    ),
    'help.quarters': '季度主題：每季度（Q1…Q4）一個主題及其重點活動。',
    'help.okr': (
        'OKR：每行一個目標或關鍵結果；關鍵結果寫明所屬目標；上級 = 該行對齊到的目標或關鍵結果；'
        '權重留空 = 等權。'
    ),
    'help.lessons': '經驗沉澱：今年各模塊做對了什麼、背後的可複用方法和數據依據。',
    'title.budget_categories': '按費用類別的項目費用（費用表類別；明年按各渠道去年的構成拆分）',
    'col.category': '費用類別',
    'value.uncategorised': '未分類',
    'setting.reserve_share': '項目預算中預留的機動預算比例（默認 0，例如 5%）。',
}
