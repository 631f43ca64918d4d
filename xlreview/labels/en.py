"""Labels in English: key -> text. Keep the keys in step with the other catalogue."""

LABELS: dict[str, str] = {
    'sheet.roi_matrix': 'ROI matrix',
    'sheet.funnel': 'Funnel',
    'sheet.events': 'Events',
    'sheet.monthly': 'Monthly',
    'sheet.sales_cycle': 'Sales cycle',
    'sheet.pipeline': 'Pipeline',
    'sheet.goal_review': 'Goal review',
    'sheet.share_of_voice': 'Share of voice',
    'sheet.data_check': 'Data check',
    'sheet.targets': 'Targets',
    'sheet.plan_quarterly': 'Plan by quarter',
    'sheet.plan_monthly': 'Plan by month',
    'sheet.plan_weekly': 'Plan by week',
    'sheet.budget': 'Budget',
    'sheet.workplan': 'Work plan',
    'sheet.dashboard': 'Dashboard',
    'sheet.message_house': 'Message house plan',
    'sheet.how_to': 'How to use',
    'sheet.actions': 'Actions',
    'col.channel': 'Channel',
    'col.campaign': 'Campaign',
    'col.cost': 'Cost',
    'col.visits': 'Visits',
    'col.leads': 'Leads',
    'col.mql': 'MQL',
    'col.sql': 'SQL',
    'col.opp': 'Opportunities',
    'col.won': 'Customers',
    'col.revenue': 'Revenue',
    'col.cpl': 'CPL',
    'col.cost_per_mql': 'Cost per MQL',
    'col.cost_per_sql': 'Cost per SQL',
    'col.cost_per_opp': 'Cost per opportunity',
    'col.cac': 'CAC',
    'col.roas': 'ROAS',
    'col.roi': 'ROI',
    'col.quadrant': 'Quadrant',
    'col.stage': 'Stage',
    'col.count_period': 'Count (period)',
    'col.count_cohort': 'Count (cohort)',
    'col.conversion': 'Conversion',
    'col.median_days': 'Median days',
    'col.p80_days': 'P80 days',
    'col.month': 'Month',
    'col.lead_type': 'Lead type',
    'col.deals': 'Deals',
    'col.module': 'Module',
    'col.layer': 'Layer',
    'col.goal': 'Goal',
    'col.target': 'Target',
    'col.actual': 'Actual',
    'col.completion': 'Completion',
    'col.status': 'Status',
    'col.gap': 'Gap',
    'col.severity': 'Severity',
    'col.sheet': 'Sheet',
    'col.row': 'Row',
    'col.column': 'Column',
    'col.message': 'Message',
    'col.share': 'Share',
    'col.avg_deal': 'Avg deal',
    'col.rate_source': 'Rate source',
    'col.implied_cost': 'Implied cost',
    'col.bottom_up_leads': 'Bottom-up leads',
    'col.type': 'Type',
    'col.last_year_cost': 'Last year cost',
    'col.planned_cost': 'Planned cost',
    'col.change': 'Change',
    'col.expected_leads': 'Expected leads',
    'col.expected_revenue': 'Expected revenue',
    'col.marginal_roi': 'Marginal ROI',
    'col.min': 'Min',
    'col.max': 'Max',
    'col.locked': 'Locked',
    'col.fit': 'Fit',
    'col.quarter': 'Quarter',
    'col.week': 'Week',
    'col.platform': 'Platform',
    'col.mentions': 'Mentions',
    'col.rank': 'Rank',
    'value.total': 'Total',
    'value.achieved': 'Achieved',
    'value.at_risk': 'At risk',
    'value.missed': 'Missed',
    'value.star': 'Star: volume and quality',
    'value.volume': 'Volume: many leads, low quality',
    'value.quality': 'Quality: few leads, high quality',
    'value.question': 'Question: few leads, low quality',
    'value.lead': 'Leads',
    'value.mql': 'MQL',
    'value.sql': 'SQL',
    'value.opp': 'Opportunities',
    'value.won': 'Customers',
    'value.new': 'New customer',
    'value.existing': 'Existing customer',
    'value.all': 'All',
    'value.error': 'Error',
    'value.warning': 'Warning',
    'value.info': 'Info',
    'value.completion': 'Completion',
    'value.effect': 'Effect',
    'value.roi': 'ROI',
    'value.channel': 'Channel',
    'value.overall': 'Overall',
    'value.proven': 'Proven',
    'value.experiment': 'Experiment',
    'value.headcount': 'Headcount',
    'value.unassigned': '(no channel)',
    'cli.rebuilt': 'Rebuilt {path}: {count} generated sheets',
    'cli.data_check': 'Data check: {errors} errors, {warnings} warnings, {infos} notes',
    'cli.more_rows': '  … {count} more rows in the data check sheet',
    'col.lead_to_mql': 'Lead→MQL',
    'col.mql_to_sql': 'MQL→SQL',
    'col.sql_to_opp': 'SQL→opportunity',
    'col.opp_to_won': 'Win rate',
    'col.customers': 'Customers',
    'col.pick': 'Pick',
    'col.plan_leads': 'Plan leads',
    'col.programme_budget': 'Programme budget',
    'col.budget': 'Budget',
    'col.week_start': 'Week start',
    'col.needed_before_year': 'Needed before the year',
    'col.pipeline_carried': 'Carried pipeline',
    'col.name': 'Name',
    'col.owner': 'Owner',
    'col.start': 'Start',
    'col.end': 'End',
    'col.kpi': 'KPI',
    'col.problem': 'Problem',
    'col.root_cause': 'Root cause',
    'col.action': 'Action',
    'col.due': 'Due',
    'col.role': 'Role',
    'col.headcount': 'Headcount',
    'col.okr': 'OKR',
    'value.top_down': 'Top-down',
    'value.bottom_up': 'Bottom-up',
    'msg.plan_no_target': 'No revenue target in Settings: the funnel targets are blank',
    'msg.plan_no_deal_size': (
        'No average deal size: set avg_deal_size in Settings (the history has no won amounts)'
    ),
    'msg.plan_zero_target': 'The revenue target is 0: every funnel target is 0',
    'msg.plan_bad_rate': (
        'Conversion rate {rate} is 0 or blank in the history: the targets before that stage '
        'are blank'
    ),
    'msg.plan_no_spend': 'Channel {channel} has no spend: its CPL and implied cost are blank',
    'msg.plan_bad_rate_many': (
        '{count} conversion rates are 0 or blank in the history ({names}): the targets before '
        'those stages are blank'
    ),
    'msg.plan_no_spend_many': (
        '{count} channels have no spend ({names}): their CPL and implied cost are blank'
    ),
    'msg.plan_short_history': 'History shorter than a year: monthly targets use flat weights',
    'msg.plan_no_won_history': 'No won deals in the history: monthly targets use flat weights',
    'msg.plan_lead_time_gap': (
        '{stage}: {gap:,.0f} needed before the year begins are not covered by the open '
        'pipeline'
    ),
    'msg.plan_no_budget': (
        'No total budget in Settings: the programme budget follows the goal, the cost the '
        'targets imply plus the experiment share ({amount:,.2f})'
    ),
    'msg.plan_no_budget_at_all': (
        'No total budget in Settings and no cost implied by the targets: the programme budget '
        'is 0'
    ),
    'msg.plan_budget_below_headcount': (
        'Total budget {budget:,.2f} is below the headcount cost {headcount:,.2f}: the '
        'programme budget is 0'
    ),
    'msg.plan_budget_below_locked': (
        'Budget for proven channels {budget:,.2f} is below the locked lines {locked:,.2f}: '
        'locked lines scaled down, other channels get 0'
    ),
    'msg.plan_budget_below_min': (
        'Budget for proven channels {budget:,.2f} is below the channel minimums '
        '{minimum:,.2f}: minimums scaled down'
    ),
    'msg.plan_budget_above_max': (
        'Budget for proven channels {budget:,.2f} is above the channel maximums '
        '{maximum:,.2f}: the rest is spread above Max'
    ),
    'msg.plan_curve_note': (
        'Budget response curves are correlational estimates from monthly spend and results, '
        'not proof of cause and effect'
    ),
    'title.fit_power': 'power curve y = {a:.4g}·x^{b:.2f}, R² {r2:.2f}, {n} months',
    'title.fit_flat': 'flat rate {rate:.4g} per unit spent ({reason})',
    'title.fit_none': 'no spend history: no curve',
    'title.fit_experiment': 'experiment: no curve',
    'value.fit_few_months': 'fewer than 6 months',
    'value.fit_no_diminishing': 'no diminishing returns, b ≥ 1',
    'value.fit_weak': 'weak fit, R² < 0.3',
    'col.share_override': 'Share override',
    'msg.sheet_missing': 'Sheet {sheet} not found: its data is treated as empty',
    'msg.settings_missing': 'Sheet {sheet} not found: default settings used',
    'msg.header_missing': (
        'No header row found in the first 10 rows'
        ' (expected columns such as {columns})'
    ),
    'msg.column_missing': 'Required column {column} not found in sheet {sheet}',
    'msg.excel_error': 'Cell {cell} holds the Excel error {value}: value ignored',
    'msg.excel_error_many': (
        '{count} cells hold Excel errors such as {examples}'
        ' (cells {rows} …): values ignored'
    ),
    'msg.not_a_number': '"{value}" is not a number: value ignored',
    'msg.not_a_number_many': (
        '{count} values are not numbers, such as {examples}'
        ' (rows {rows} …): values ignored'
    ),
    'msg.not_a_date': '"{value}" is not a date: left blank',
    'msg.not_a_date_many': (
        '{count} values are not dates, such as'
        ' {examples} (rows {rows} …): left blank'
    ),
    'msg.not_a_month': '"{value}" is not a month: row ignored',
    'msg.not_a_month_many': (
        '{count} values are not months, such as'
        ' {examples} (rows {rows} …): rows ignored'
    ),
    'msg.negative': 'Negative value {value}: value ignored',
    'msg.negative_many': (
        '{count} negative values such as {examples}'
        ' (rows {rows} …): values ignored'
    ),
    'msg.required_blank': 'Required value is blank: row ignored',
    'msg.required_blank_many': (
        '{count} rows have this required value blank'
        ' (rows {rows} …): rows ignored'
    ),
    'msg.duplicate_id': 'Duplicate ID {value} (first on row {first}): this row is ignored',
    'msg.duplicate_id_many': (
        '{count} duplicate IDs such as {examples} (rows'
        ' {rows} …): these rows are ignored'
    ),
    'msg.ambiguous_dates': (
        'Every date could be day-first or month-first: read as {order}.'
        ' Set date_format in the Mapping sheet to be sure'
    ),
    'msg.stage_order': 'Date {value} is before the earlier stage {earlier} ({earlier_value})',
    'msg.stage_order_many': (
        '{count} dates are before the earlier stage {earlier},'
        ' such as {examples} (rows {rows} …)'
    ),
    'msg.backfilled': 'Blank, but a later stage is dated: filled from {later} ({value})',
    'msg.backfilled_many': (
        '{count} leads have this date blank but a later stage dated:'
        ' filled from the next later stage (rows {rows} …)'
    ),
    'msg.deal_not_found': 'Deal {value} not found in sheet {leads}: ignored',
    'msg.deal_not_found_many': (
        '{count} deals not found in sheet {leads}, such as'
        ' {examples} (rows {rows} …): ignored'
    ),
    'msg.lead_type_unknown': 'Lead type "{value}" is neither new nor existing: left blank',
    'msg.lead_type_unknown_many': (
        '{count} lead types are neither new nor existing, such as'
        ' {examples} (rows {rows} …): left blank'
    ),
    'msg.channel_blank': 'Channel is blank: counted as "{unassigned}"',
    'msg.channel_blank_many': (
        '{count} leads have no channel: counted as'
        ' "{unassigned}" (rows {rows} …)'
    ),
    'msg.mapping_unreadable': (
        'The Mapping sheet needs the columns sheet,'
        ' column and source: ignored'
    ),
    'msg.mapping_source_missing': (
        'Mapping row {row} takes {column} from the header "{source}", which sheet '
        '{sheet} does not have: its headers are {found}. Correct the source cell to '
        'one of them'
    ),
    'msg.mapping_unknown_sheet': 'Unknown input sheet "{value}": mapping row ignored',
    'msg.mapping_unknown_column': (
        'Unknown column or blank source "{value}" for'
        ' sheet {sheet}: mapping row ignored'
    ),
    'msg.mapping_bad_date_format': 'Date format "{value}" is not dmy, mdy or ymd: automatic',
    'value.dmy': 'day-month-year',
    'value.mdy': 'month-day-year',
    'value.ymd': 'year-month-day',
    'col.item': 'Item',
    'col.value': 'Value',
    'col.lead_to_won': 'Lead→customer',
    'col.open_opps': 'Open opportunities',
    'col.pipeline_value': 'Pipeline value',
    'col.win_rate': 'Win rate',
    'col.expected_value': 'Expected value',
    'col.expected_next_year': 'Expected next year',
    'col.share_last_year': 'Share last year',
    'col.rank_last_year': 'Rank last year',
    'value.programme_cost': 'Programme cost',
    'value.headcount_cost': 'Headcount cost',
    'value.revenue': 'Revenue',
    'value.roi_programme': 'ROI (programme cost)',
    'value.roi_fully_loaded': 'ROI (fully loaded, with headcount)',
    'msg.goal_target_zero': 'Goal {goal}: the target is 0, so completion is blank',
    'msg.goal_metric_unknown': 'Metric {metric} is not known; use one of: {known}',
    'msg.goal_no_actual': 'Goal {goal}: no actual value and no metric key, completion is blank',
    'sheet.team': 'Team plan',
    'title.roi_matrix': 'Channel ROI matrix',
    'title.funnel': 'Full funnel',
    'title.events': 'Events and campaigns along the whole funnel',
    'title.monthly': 'Monthly distribution',
    'title.sales_cycle': 'Sales cycle (days from lead to customer)',
    'title.pipeline': 'Pipeline carried over into next year',
    'title.goal_review': 'Goal review',
    'title.share_of_voice': 'Share of voice',
    'title.targets': 'Target decomposition (what-if)',
    'title.plan_quarterly': 'Plan by quarter',
    'title.plan_monthly': 'Plan by month',
    'title.plan_weekly': 'Plan by week',
    'title.budget': 'Marketing budget',
    'title.workplan': 'Annual work plan',
    'title.actions': 'Improvement actions',
    'title.team': 'Team',
    'title.data_check': 'Data check',
    'title.message_house': 'Message house',
    'title.dashboard': 'One-page dashboard {year}',
    'title.how_to': 'How to use this workbook',
    'title.how_to_1': (
        'Paste the CRM and spend exports into the input sheets (dark blue tabs): Leads, '
        'Spend, Headcount, Goals, and the optional sheets.'
    ),
    'title.how_to_2': (
        "Fill in the Settings sheet: fiscal year, currency, next year's revenue target, "
        'budget, language.'
    ),
    'title.how_to_3': (
        'Rebuild: click the xlreview button in Excel or run `xlreview rebuild BOOK.xlsx`. '
        'Green tabs are generated and are replaced on every rebuild.'
    ),
    'title.how_to_4': 'Read the Data check sheet first: errors mean values were ignored.',
    'title.how_to_5': (
        'On the Targets sheet, the yellow cells are what-ifs: change a share, a conversion '
        'rate (or the target and deal size in Settings) and the funnel, every plan sheet, the '
        "budget check and the scenarios recalculate at once, without Python."
    ),
    'title.how_to_6': (
        'Bottom-up leads, share overrides and the shares and rates you type on Targets '
        '(clear one to follow the history again), Min/Max/Locked on Budget and the '
        'Stretch / Cautious values on Scenarios are kept when you rebuild.'
    ),
    'title.how_to_7': (
        'Curve-based budget figures are correlational estimates, not proof of cause and '
        'effect.'
    ),
    'title.roi_note': 'ROI = (revenue − cost) / cost; a channel without spend has no ROI.',
    'title.roi_summary': 'Department ROI',
    'title.opp_per_lead': 'Opportunities per lead',
    'title.median_lines': 'Quadrant lines (medians)',
    'title.median': 'Median',
    'title.chart_quadrant': 'Channel quadrant: volume × quality (size = cost)',
    'title.chart_cost_revenue': 'Cost vs revenue by channel',
    'title.chart_funnel': 'Funnel by stage',
    'title.chart_monthly': 'MQL, SQL, opportunities and customers by month',
    'title.chart_targets': 'Funnel targets by channel',
    'title.chart_quarterly': 'Targets by quarter',
    'title.chart_budget': 'Budget: last year vs plan',
    'title.funnel_note': (
        'Period: stage reached during the year. Cohort: leads created in the year that reached '
        'the stage by now.'
    ),
    'title.goal_note': (
        'Completion = actual / target (target / actual where lower is better). Green ≥ 100%, '
        'amber ≥ 80%, red below.'
    ),
    'title.pipeline_note': (
        'Open opportunities at year end × historical win rate, spread over next year by '
        'the sales cycle.'
    ),
    'title.pipeline_months': 'Expected revenue by month',
    'title.targets_note': (
        'Yellow cells are what-ifs; every plan sheet and the budget check follow. B3:B5 and '
        'B7 read Settings: change them there (a number typed here lasts until the next '
        'rebuild). Share and rates follow the history; one you type is kept (Rate source '
        'Typed; a Share moves to Share override) until you clear that cell. Bottom-up leads '
        'and pick are kept.'
    ),
    'title.company_target': 'Company revenue target',
    'title.new_share': 'Share from new customers',
    'title.marketing_share': 'Share sourced by marketing',
    'title.marketing_target': 'Marketing revenue target',
    'title.plan_lead_time': 'Needed before the year starts',
    'title.budget_note': (
        'Yellow cells (Type, Min, Max, Locked) are inputs kept on rebuild. The check is live: '
        'Plan needs follow Targets. Curve-based figures are correlational estimates.'
    ),
    'title.workplan_note': 'Weeks between start and end are filled.',
    'title.gantt': 'Gantt chart (week starting)',
    'title.data_check_note': 'Errors: the value was ignored. Warnings: used, but check it.',
    'title.kpi_revenue': 'Marketing-sourced revenue',
    'title.kpi_next_target': (
        "{last} the year before ({change}); next year's target {target}"
    ),
    'title.kpi_completion': 'Goal completion',
    'title.kpi_completion_sub': 'weighted; each goal counts at most {cap:.0%}',
    'title.kpi_roi': 'ROI (fully loaded)',
    'title.kpi_roi_sub': 'programme and headcount cost',
    'title.kpi_pipeline': 'Pipeline carried over',
    'title.kpi_pipeline_sub': 'expected next year',
    'title.kpi_cac_sub': 'cost per customer',
    'help.settings': (
        'Settings: type a value beside each key; a blank value means the '
        'default. Descriptions on the right.'
    ),
    'help.leads': (
        'Leads: paste your CRM export below the header, one lead per row '
        '(dates as dates; stages skipped by the CRM are fine).'
    ),
    'help.deals': (
        'Deals (optional): a second export of closed deals, joined onto Leads '
        'by lead_id.'
    ),
    'help.spend': 'Spend: one row per month, channel and campaign: cost, visits, impressions.',
    'help.headcount': (
        'Headcount: marketing roles, annual cost and the share of time spent '
        'on marketing (1 = full time).'
    ),
    'help.goals': (
        "Goals: this year's goals by module and layer (completion, effect, "
        'ROI); leave actual blank and name a metric to take it from the data.'
    ),
    'help.mentions': (
        'Mentions (optional): monthly mentions of your brand and competitors '
        'per platform, for share of voice.'
    ),
    'help.initiatives': (
        "Initiatives: next year's projects with start and end dates, owner, "
        'budget and KPI (for the Gantt chart).'
    ),
    'help.message_house': (
        'Message house: part = roof, pillar, proof or foundation; proof points '
        'name their pillar.'
    ),
    'help.improvements': (
        'Improvements: problems found this year, their root cause, the action, '
        'owner and due date.'
    ),
    'help.team': (
        "Team: roles next year, headcount, cost (the row's total annual cost) or "
        'cost_per_person (× headcount), and OKR.'
    ),
    'help.mapping': (
        'Mapping (optional): when an export has its own column names, map them '
        'to ours here.'
    ),
    'help.mapping_example': (
        'Example: sheet = leads, column = created, source = '
        'first_contact_date, date_format = dmy (dmy, mdy, ymd or blank = '
        'automatic). Column = sheet, source = a sheet of this workbook: that sheet is '
        'read as the Leads.'
    ),
    'help.invalid_date': 'Please enter a date, e.g. 2025-03-31.',
    'help.invalid_number': 'Please enter a number of 0 or more.',
    'help.invalid_share': 'Please enter a share between 0 and 1 (e.g. 50%).',
    'help.invalid_choice': 'Please pick a value from the list.',
    'col.setting_description': 'description',
    'setting.fiscal_year': 'Year under review; blank = the year of the latest lead.',
    'setting.currency': 'Currency shown in money formats: CNY, USD, EUR, ¥, $ …',
    'setting.revenue_target': "Next year's company revenue target.",
    'setting.new_customer_share': (
        'Share of the revenue target expected from new customers (e.g. 60%).'
    ),
    'setting.marketing_share': 'Share of new-customer revenue sourced by marketing (e.g. 50%).',
    'setting.avg_deal_size': (
        "Average deal size; blank = the mean of this year's new-customer deals won."
    ),
    'setting.budget_total': "Next year's total marketing budget, headcount included.",
    'setting.experiment_share': 'Share of the programme budget kept for experiments (default 20%).',
    'setting.seasonality': 'Monthly weights: history (past won revenue by month) or flat.',
    'setting.language': (
        'Language of the generated sheets: en, zh-CN (Simplified Chinese) or zh-TW '
        '(Traditional Chinese).'
    ),
    'setting.brand': 'Your brand name as written in the Mentions sheet.',
    'setting.budget_method': (
        'How the proven budget is allocated: implied, roi, curve, or target (the budget '
        'follows the goal; budget_total is a cap).'
    ),
    'setting.min_conversions': (
        'Fewer conversions than this at a stage: the channel uses the overall '
        'rate (default 20).'
    ),
    'setting.share_copy': 'yes = also write a shareable values-only copy on every rebuild.',
    # cell functions and live Excel (cellfuncs, io/excel)
    'msg.udf_rates': 'need 4 values between 0 and 1',
    'msg.udf_not_number': 'need a number, got {value!r}',
    'msg.udf_negative': 'need a number ≥ 0',
    'msg.udf_positive': 'need a number above 0',
    'msg.udf_stage': 'unknown stage {value!r}: use leads, mql, sql, opp or customers',
    'msg.udf_leads_header': 'need a header row with stage date columns (mql_date … won_date)',
    'msg.udf_no_channel_column': 'the range has no channel column',
    'msg.udf_unknown_channel': 'no leads of channel {value!r}',
    'msg.udf_no_leads': 'no leads below the header row',
    'msg.udf_empty': 'need at least one cell',
    'msg.udf_whole': 'need a whole number ≥ 0',
    'msg.udf_same_length': 'need as many cells as {other}',
    'msg.udf_share': 'need a share from 0 to 1',
    'msg.excel_step': 'xlreview: {step}…',
    'msg.excel_problems': '{errors} errors and {warnings} warnings: see the Data check sheet',
    'msg.excel_failed': 'The rebuild stopped: {error}',
    'msg.excel_live_unsaved': (
        'xlreview: this workbook was never saved, so its sheets were rebuilt without '
        'charts, conditional formats, fonts, fills, borders or print setup: save it as '
        '.xlsx on this computer and click again for the full workbook'
    ),
    'msg.excel_live_cloud': (
        'xlreview: this workbook is on OneDrive or SharePoint, so its sheets were rebuilt'
        ' without charts, conditional formats, fonts, fills, borders or print setup: open'
        ' a synced copy on this computer for the full workbook'
    ),
    'msg.excel_live_read_only': (
        'xlreview: this workbook is read-only, so its sheets were rebuilt without charts,'
        ' conditional formats, fonts, fills, borders or print setup: save a copy you can '
        'edit for the full workbook'
    ),
    'msg.excel_live_format': (
        'xlreview: this workbook is not an .xlsx file, so its sheets were rebuilt without'
        ' charts, conditional formats, fonts, fills, borders or print setup: save it as '
        '.xlsx for the full workbook'
    ),
    'cli.addin_built': (
        "Add-in written: {path}\nNext: run 'xlreview addin install' to load it with every "
        'Excel start, or in Excel choose File > Options > Add-ins > Manage Excel Add-ins '
        '> Go > Browse and pick this file; the ribbon then shows the Review & Plan tab.'
    ),
    'cli.addin_installed': (
        'Add-in installed: {path}\nNext: restart Excel; the ribbon shows the Review & Plan'
        ' tab with the Rebuild plan button.'
    ),
    'title.bubble_size': 'Bubble size (cost, at least 1/20 of the largest)',
    'format.points': '+0.0" pp";-0.0" pp";0.0" pp"',
    'title.excel_alert': 'xlreview',
    'title.avg_deal': 'Average deal size',
    'title.customers_needed': 'Customers needed',
    'title.fit_revenue_per_lead': 'revenue = leads × {value:,.0f}',
    'cli.list_separator': ', ',
    'cli.where_separator': ', ',
    'cli.problem': '  [{severity}] {where}: {message}',
    'cli.row': 'row {row}',
    'help.channels': (
        "Channels (optional): each channel's group (own / new) and who sources its leads "
        '(marketing / partner / sales; blank = marketing). Only marketing-sourced new-'
        'customer revenue counts against the marketing target.'
    ),
    'msg.channel_scope_unknown': '{value!r} is not one of {choices}: read as blank',
    'msg.stages_not_tracked': (
        'The export has no dates for {stages} (column missing or blank for every lead): '
        'shown as not tracked; conversion rates span them (e.g. MQL → customer), nothing '
        'is back-filled from later stages'
    ),
    'value.not_tracked': 'not tracked',
    'value.won_revenue': 'Won revenue (all deals)',
    'value.new_customer_revenue': 'New-customer revenue',
    'value.existing_customer_revenue': 'Existing-customer revenue',
    'value.marketing_sourced_revenue': 'Marketing-sourced revenue (new customers)',
    'value.marketing_sourced_last_year': 'Marketing-sourced revenue, year before',
    'value.marketing_target': "Next year's marketing target",
    'col.note': 'Note',
    'title.win_rate_decided': (
        'Win rate = won ÷ decided opportunities (won or lost by 31 Dec {year}): {won} of '
        '{decided} = {rate:.1%}. Targets and Pipeline use it; the Conversion above '
        "follows this year's leads so far, open opportunities included."
    ),
    'title.win_rate_no_lost': (
        'Win rate = won ÷ every {stage} old enough to have closed (the export records no '
        'lost deals): {won} of {decided} = {rate:.1%}. Targets and Pipeline use it; the '
        "Conversion above follows this year's leads so far."
    ),
    'msg.pipeline_not_tracked': (
        'The export has no opportunity dates: no pipeline of open opportunities to carry '
        'over (not tracked)'
    ),
    'title.deal_setting': 'from Settings (avg_deal_size)',
    'title.deal_year': 'mean of the {deals} new-customer deals won in {year}',
    'title.deal_history': 'mean of all {deals} new-customer deals (none won in {year})',
    'title.deal_all_deals': 'mean of all {deals} won deals (no new-customer deal in the data)',
    'title.marketing_last_year': (
        'like for like: marketing-sourced new-customer revenue {year} = {value}, target '
        'change {change}'
    ),
    'title.targets_not_tracked': (
        '{stages}: not tracked in the export; each rate spans them (the MQL → SQL column '
        'then holds MQL → customer)'
    ),
    'setting.goal_cap': (
        'Each goal counts at most this completion in the weighted goal score (default '
        '100%).'
    ),
    'col.lifetime_leads': 'Lifetime leads',
    'col.lifetime_cost': 'Lifetime cost',
    'col.lifetime_revenue': 'Lifetime revenue to date',
    'col.lifetime_roi': 'Lifetime ROI',
    # Budget check (does the budget buy the plan?) and the target budget method.
    'col.metric': 'Metric',
    'col.plan_needs': 'Plan needs',
    'col.budget_buys': 'Budget buys',
    'col.cost_per_person': 'Cost per person',
    'title.budget_check': 'Does the budget buy the plan?',
    'title.budget_check_note': (
        'Plan needs: Targets Total row (programme cost = implied cost plus the experiment '
        'share). Budget buys: expected leads (whole) and revenue of the budget lines; customers = '
        'those leads × the plan\'s lead→customer rate (customers ÷ plan leads), rounded down. '
        'Gap = budget buys − plan needs.'
    ),
    'msg.budget_short_leads': (
        'The budget buys {bought:,.0f} leads, {short:,.0f} fewer than the {needed:,.0f} the '
        'plan needs; buying them would cost about {cost:,.2f} more at the plan\'s cost per '
        'lead ({cpl:,.2f} = implied cost ÷ leads on Targets)'
    ),
    'msg.budget_short_leads_no_cpl': (
        'The budget buys {bought:,.0f} leads, {short:,.0f} fewer than the {needed:,.0f} the '
        'plan needs (no cost per lead on Targets to price them)'
    ),
    'msg.plan_target_capped': (
        'budget_method target: the goal needs a programme budget of {need:,.2f} but the total '
        'budget {total:,.2f} leaves {cap:,.2f} after headcount: capped at {cap:,.2f}'
    ),
    'msg.plan_target_no_implied': (
        'budget_method target: the targets imply no cost (no target or no CPL): the '
        'programme budget is the total budget after headcount, {cap:,.2f}'
    ),
    # The plan is live in Excel (issue 11).
    'col.weight': 'Weight',
    'col.cumulative': 'Cumulative share',
    'col.lag_months': 'Lag (months)',
    'title.seasonality': 'Seasonality weights (from the history)',
    'title.plan_monthly_note': (
        'Live formulas, no inputs: months split the Targets Total row by the seasonality '
        'weights (cumulative split: whole numbers add up); revenue comes with the customers; '
        'earlier stages move earlier by their lag (below); the budget follows the leads.'
    ),
    'title.plan_quarterly_note': 'Live formulas, no inputs: each quarter sums its months.',
    'title.plan_weekly_note': (
        'Live formulas, no inputs: a week counts in the month of its Thursday (Month) and '
        'takes an even share of it, so weeks add up to months; revenue comes with the customers.'
    ),
    # Scenarios side by side.
    'sheet.scenarios': 'Scenarios',
    'title.scenarios': 'Scenarios: what each version of the plan needs',
    'title.scenarios_note': (
        'Base follows the plan (Targets, Settings, Budget). Stretch and Cautious: Base with '
        'the target ± scenario_spread (Settings); yellow cells are yours: rename the columns, '
        'type any value, it is kept at the next rebuild. Outcomes on the right are live.'
    ),
    'col.scenario_input': 'Input',
    'col.scenario_outcome': 'What it needs',
    'col.base': 'Base',
    'col.stretch': 'Stretch',
    'col.cautious': 'Cautious',
    'value.scenario_revenue_target': 'Company revenue target',
    'value.scenario_new_customer_share': 'Share from new customers',
    'value.scenario_marketing_share': 'Share sourced by marketing',
    'value.scenario_avg_deal': 'Average deal size',
    'value.scenario_lead_to_mql': 'Lead→MQL',
    'value.scenario_mql_to_sql': 'MQL→SQL',
    'value.scenario_sql_to_opp': 'SQL→opportunity',
    'value.scenario_opp_to_won': 'Win rate',
    'value.scenario_budget_total': 'Total budget (headcount included)',
    'value.scenario_customers': 'Customers',
    'value.scenario_opp': 'Opportunities',
    'value.scenario_sql': 'SQL',
    'value.scenario_mql': 'MQL',
    'value.scenario_leads': 'Leads',
    'value.scenario_implied_cost': 'Implied cost',
    'value.scenario_budget_gap': 'Budget gap (left after the goal)',
    'setting.scenario_spread': (
        'Stretch and Cautious scenarios: the revenue target ± this share (default 20%).'
    ),
    'col.history_share': 'Share as rebuilt',
    'col.history_lead_to_mql': 'History Lead→MQL',
    'col.history_mql_to_sql': 'History MQL→SQL',
    'col.history_sql_to_opp': 'History SQL→opportunity',
    'col.history_opp_to_won': 'History win rate',
    'value.typed': 'Typed',
    'msg.plan_typed_rate': (
        '{channel}: {column} typed {typed} (history {history}) is kept as the channel\'s rate; '
        'clear the cell to follow the history again'
    ),
    'msg.plan_typed_share': (
        '{channel}: Share typed {typed} (rebuilt {history}) is kept as its Share override; '
        'clear the Share override to follow the history again'
    ),
    'msg.plan_typed_total': (
        '{column} typed {typed} on the Total row is not used: the Total row shows the whole '
        "department's history ({history}); type a rate on a channel's row instead"
    ),
    'msg.plan_typed_range': (
        '{channel}: {column} typed {typed} is not between 0 and 100%: the history\'s '
        '{history} is used'
    ),
    'msg.plan_typed_text': (
        '{channel}: {column} holds text that is not a number: the history\'s {history} is used'
    ),
    'msg.plan_typed_not_tracked': (
        '{channel}: {column} typed {typed} is ignored: the export does not track that stage'
    ),
    'msg.plan_typed_over_setting': (
        'Targets {cell} held {typed:,.10g}, typed over its link to Settings {setting}; the '
        'rebuild uses Settings ({value:,.10g}): type the value in Settings to keep it'
    ),
    'msg.file_missing': '{path} does not exist: check the file name and folder.',
    'msg.file_is_folder': '{path} is a folder, not a workbook: give the path of the .xlsx file.',
    'msg.file_unreadable': (
        'Cannot read {path}: you have no permission to open it. Copy it to a folder of '
        'yours and try again.'
    ),
    'msg.file_read_only': (
        '{path} is read-only, so nothing was written: clear its read-only attribute (or '
        'save a copy under another name) and rebuild again.'
    ),
    'msg.folder_read_only': (
        'Cannot write in the folder of {path} (no permission), so nothing was written: '
        'move the workbook to a folder you can write to.'
    ),
    'msg.folder_missing': 'The folder {folder} does not exist: create it or choose another folder.',
    'msg.disk_full': (
        'The disk holding {path} is full, so the workbook was left unchanged: free some '
        'space and try again.'
    ),
    'msg.file_too_big': (
        "The new workbook would exceed this system's file size limit (ulimit -f), so the "
        'workbook was left unchanged: raise the limit and try again.'
    ),
    'msg.file_protected': (
        '{path} cannot be replaced: the system protects it (an immutable or locked '
        'file), so it was left unchanged. Remove that protection, or save a copy and '
        'rebuild the copy.'
    ),
    'msg.write_failed': (
        'Could not write beside {path}, so the workbook was left unchanged: check the '
        'disk and the folder, then try again.'
    ),
    'msg.read_failed': (
        'Could not read {path}: check that the disk or network folder is available, then '
        'try again.'
    ),
    'msg.interrupted': 'Stopped before anything was written: the workbook is unchanged.',
    'msg.interrupted_share': (
        'Stopped: the workbook was rebuilt, but its shareable copy was not written.'
    ),
    'msg.xlsb': (
        '{path} is a binary workbook (.xlsb), which xlreview cannot rebuild: in Excel, '
        'save it as .xlsx (File > Save As) and rebuild that file.'
    ),
    'msg.old_format': (
        '{path} is in a format xlreview cannot rebuild ({kind}): in Excel, save it as '
        '.xlsx (File > Save As) and rebuild that file.'
    ),
    'msg.encrypted': (
        '{path} is protected with a password (or is an old .xls file): in Excel, remove '
        'the password (File > Info > Protect Workbook) or save it as .xlsx, then rebuild '
        'it.'
    ),
    'msg.not_a_workbook': (
        '{path} is not an Excel workbook xlreview can read (it is damaged or of another '
        'kind): open it in Excel, save it as .xlsx, and rebuild that file.'
    ),
    'msg.no_input_sheets': (
        '{path} has no xlreview input sheets (Leads, Spend, Settings, …), so nothing was '
        'written: create a workbook with `xlreview template NEW.xlsx` and paste your '
        'data there.'
    ),
    'msg.sheet_name_taken': (
        'Your sheet "{sheet}" has the name of a sheet the rebuild writes ({generated}), '
        'so nothing was written: rename your sheet (for example "{sheet} (own)") and '
        'rebuild again.'
    ),
    'msg.signed': (
        '{path} is digitally signed and a rebuild would break the signature, so nothing '
        'was written: rebuild with --force to go on anyway, then sign the workbook again '
        'in Excel.'
    ),
    'msg.signed_warning': (
        'Warning: {path} was digitally signed; the signature no longer matches the '
        'rebuilt file: sign it again in Excel.'
    ),
    'msg.no_office': (
        'Making the report PDF needs LibreOffice (free, libreoffice.org), which is not installed: '
        'install it, or in Excel click the Dashboard tab, Shift+click the last generated tab '
        'and use File > Export > PDF.'
    ),
    'msg.office_failed': (
        'LibreOffice could not turn {path} into a PDF: open it once in LibreOffice or Excel to '
        'check it, then try again.'
    ),
    'msg.no_report': '{path} has no generated sheets yet: run xlreview rebuild on it first.',
    'cli.pdf_written': (
        'Report written: {path} ({sheets} sheets, {pages} pages, the Dashboard first)'
    ),
    'cli.share_written': 'Shareable copy written: {path}',
    'cli.addin_removed': 'Add-in removed: {path}',
    'cli.addin_not_installed': 'The add-in was not installed in {folder}: nothing to remove.',
    'msg.addin_no_xlwings': 'xlwings is not installed: run pip install xlwings, then try again.',
    'msg.addin_no_template': (
        "{template} is not in {folder}: reinstall xlwings (pip install --force-reinstall "
        "xlwings), then try again."
    ),
    'msg.addin_no_callback': (
        "The xlwings add-in template's {part} has no button: reinstall xlwings, then try again."
    ),
    'msg.addin_no_appdata': (
        "Excel's add-in folder (XLSTART) cannot be found because APPDATA is not set: pass "
        "the folder with --folder."
    ),
    'msg.addin_platform': (
        'Excel add-ins install on Windows or macOS only: build it with xlreview addin build, '
        'or pass a folder with --folder.'
    ),
    'msg.addin_locked': '{path} is in use: quit Excel and try again.',
    'msg.step_read': 'reading the workbook',
    'msg.step_inputs': 'checking the inputs',
    'msg.step_review': 'computing the review',
    'msg.step_plan': "planning next year",
    'msg.step_layout': 'laying out the sheets',
    'msg.step_write': 'writing the workbook',
    'msg.step_share': 'writing the shareable copy',
    'msg.share_copy_kept': (
        '{path} already exists and is not a copy xlreview wrote: it is kept and no shareable '
        'copy was written; rename or move it, or switch share_copy off'
    ),
    'msg.target_exists': (
        '{path} already exists, so nothing was written: choose a new file name, or add '
        '--force to replace it (the old file is kept as a backup).'
    ),
    'msg.backup_kept': 'The previous file was kept as {path}.',
    'msg.same_file': 'The copy cannot replace the workbook itself: choose another file name.',
    'msg.reference_rewritten': (
        '{what} ={old} now reads ={new}: the generated sheet or table it points at was renamed'
    ),
    'msg.reference_broken': (
        '{what} ={old} points at a generated sheet that is no longer written: it shows #REF!;'
        ' point it elsewhere'
    ),
    'msg.reference_cell': 'Cell {cell}',
    'msg.reference_name': 'Name {name}',
    'msg.out_of_memory': (
        'Not enough memory to finish, so nothing was written: close'
        ' other programs and try again.'
    ),
    'msg.unexpected': (
        'xlreview stopped on an unexpected problem and wrote nothing:'
        ' please report it (XLREVIEW_DEBUG=1 shows the details).'
    ),
    'msg.cells_ignored': (
        'Cells far beyond {cell}, away from the data, were not read (a stray entry?): '
        'move anything needed next to the table'
    ),
    'msg.table_name_taken': (
        'Your workbook already has a table or name "{name}", which a generated sheet '
        'uses, so nothing was written: rename yours (Formulas > Name Manager) and rebuild again.'
    ),
    'msg.workbook_open': (
        '{path} is open in Excel or LibreOffice ({lock} is beside it), so nothing was '
        'written: close it and try again.'
    ),
    # issue 14: the review a director presents
    'sheet.year_over_year': 'Year over year',
    'sheet.plan_vs_actual': 'Plan vs actual',
    'sheet.campaign_channels': 'Campaign channels',
    'col.last_year': 'Last year',
    'col.this_year': 'This year',
    'col.conversion_last_year': 'Conversion last year',
    'col.period': 'Period',
    'col.plan': 'Plan',
    'col.variance': 'Variance',
    'col.forecast': 'Forecast',
    'col.outcome': 'Outcome',
    'col.brand': 'Brand',
    'col.rank_change': 'Rank change',
    'col.handoff': 'Hand-off',
    'value.accepted': 'Accepted (SAL)',
    'value.recycled': 'Recycled',
    'value.rejected': 'Rejected',
    'value.pending': 'No outcome yet',
    'title.year_over_year': 'This year against last year',
    'title.yoy_note': (
        'Change: for counts and money this year ÷ last year − 1 (+25% = a quarter more); '
        'for ROI the difference in percentage points. Blank where last year has nothing.'
    ),
    'title.plan_vs_actual': 'Plan against actual',
    'title.pva_note': (
        'Every row of the Plan baseline sheet for {year}. Actual to the end of {as_of}; '
        'forecast = actual + the monthly run rate of the year to date × the months left.'
    ),
    'title.pva_note_no_data': 'Every row of the Plan baseline sheet for {year}; no data yet.',
    'title.chart_pva': 'Plan vs actual by month: {metric}',
    'title.campaign_channels': 'One campaign across channels',
    'title.campaign_channels_note': (
        'Campaigns whose leads of the year came through two or more channels; '
        'counts as on the ROI matrix (stage dated in the year).'
    ),
    'title.sov_brands': 'Every brand on every platform',
    'title.sov_trend': 'Share of all mentions by month',
    'title.chart_sov_trend': 'Share of voice by month',
    'title.handoff': 'Hand-off to sales (MQLs of the year)',
    'msg.handoff_unknown': (
        'Hand-off "{value}" is not accepted, recycled or rejected: counted as no outcome'
    ),
    'msg.handoff_unknown_many': (
        '{count} hand-off values are not accepted, recycled or rejected (first: "{value}"): '
        'counted as no outcome'
    ),
    'msg.baseline_period': (
        'Period "{value}" is not a month (2027-03), a quarter (2027-Q1) or a year: row ignored'
    ),
    'msg.baseline_metric': 'Metric "{value}" is unknown (use {known}): row ignored',
    'msg.baseline_plan': 'The plan is not a number: row ignored',
    'msg.baseline_channel': 'Channel "{value}" has no leads and no spend: its actuals are 0',
    'help.baseline': (
        'Plan baseline: next year\'s plan frozen by "xlreview baseline" (or typed): period '
        '2027-03 / 2027-Q1 / 2027, channel (blank = all), metric (leads, mql, sql, opp, won, '
        'revenue, cost), plan.'
    ),
    'cli.baseline_written': 'baseline of {year} written: {path} ({rows} rows in "{sheet}")',
    'msg.baseline_exists': (
        'the workbook already has a plan baseline for {year} ({rows} rows in "{sheet}"): '
        'use --force to replace it'
    ),
    'msg.baseline_empty': (
        'the plan is empty: paste the leads (and spend) into the input sheets first'
    ),
    'title.chart_yoy_revenue': 'Revenue by channel: last year and this year',
    'title.chart_campaign_channels': 'Leads of each campaign by channel',
    'title.goal_score_line': (
        'Weighted goal score: {score:.1%} (each goal counts at most {cap:.0%})'
    ),
    'title.goal_modules': 'Completion by module',
    'title.chart_goal_modules': 'Completion by module (weighted, each goal at most {cap:.0%})',
    'title.kpi_roi_sub_yoy': (
        'programme and headcount cost; programme ROI {this}, the year before {last} ({change})'
    ),
    'title.kpi_cac_sub_yoy': 'cost per customer; {last} the year before ({change})',
    'col.comment': 'Comment',
    'col.to_sql': '→ SQL',
    'title.how_to_8': (
        'When the plan is final, freeze it: `xlreview baseline BOOK.xlsx` writes it into the '
        'Plan baseline sheet (or type one there). In its year, Plan vs actual tracks every row '
        'month by month, with a run-rate forecast.'
    ),
    'title.how_to_9': (
        'Print or share the report: the workbook opens on the Dashboard, so Ctrl+P prints it; '
        '`xlreview pdf BOOK.xlsx` writes every generated sheet as one PDF (in Excel: click the '
        'Dashboard tab, Shift+click the last green tab, File > Export > PDF, then click a '
        'single tab to ungroup).'
    ),
    'title.pva_year': '{year} at a glance (all channels)',
    'col.forecast_completion': 'Forecast ÷ plan',
    # Settings sheet: keys and coded values as shown (both languages accepted when read)
    'setting_key.fiscal_year': 'fiscal_year',
    'setting_key.currency': 'currency',
    'setting_key.revenue_target': 'revenue_target',
    'setting_key.new_customer_share': 'new_customer_share',
    'setting_key.marketing_share': 'marketing_share',
    'setting_key.avg_deal_size': 'avg_deal_size',
    'setting_key.budget_total': 'budget_total',
    'setting_key.experiment_share': 'experiment_share',
    'setting_key.seasonality': 'seasonality',
    'setting_key.language': 'language',
    'setting_key.brand': 'brand',
    'setting_key.budget_method': 'budget_method',
    'setting_key.min_conversions': 'min_conversions',
    'setting_key.share_copy': 'share_copy',
    'setting_value.history': 'history',
    'setting_value.flat': 'flat',
    'setting_value.implied': 'implied',
    'setting_value.roi': 'roi',
    'setting_value.curve': 'curve',
    'setting_value.yes': 'yes',
    'setting_value.no': 'no',
    'cli.template_written': 'template written: {path}',
    'msg.mapping_sheet_not_found': (
        'the workbook has no sheet {value!r}: {sheet} read under its usual name'
    ),
    'msg.setting_unknown': 'unknown setting {value!r} ignored',
    'msg.setting_not_whole': '{key}: {value!r} is not a whole number; default used',
    'msg.setting_not_number': '{key}: {value!r} is not a number; default used',
    'msg.setting_negative': '{key}: {value!r} is negative; default used',
    'msg.setting_not_share': '{key}: {value!r} is not a share between 0 and 1; default used',
    'msg.setting_not_yes_no': '{key}: {value!r} is not yes/no; default used',
    'msg.setting_not_choice': '{key}: {value!r} is not one of {choices}; default used',
    'setting_key.goal_cap': 'goal_cap',
    'msg.setting_not_cap': '{key}: {value!r} is not a completion above 0 (e.g. 100%); default used',
    'msg.setting_unusable': '{key}: {value!r} cannot be used; default used',
    'ribbon.tab': 'Review & Plan',
    'ribbon.button': 'Rebuild plan',
    'ribbon.tip': 'Recompute every generated sheet from the input sheets',
    'setting_key.scenario_spread': 'scenario_spread',
    'setting_value.target': 'target',
    # the plan on a page, modules, OKR tree, lessons (issue 16)
    'sheet.plan_on_page': 'Plan on a page',
    'sheet.module_plan': 'Plan by module',
    'sheet.okr_tree': 'OKR tree',
    'sheet.lessons': 'Keep doing',
    'title.plan_on_page': 'Plan on a page {year}',
    'title.plan_on_page_note': (
        'Every number is a formula on the Targets, Budget, Plan by module and Plan by quarter '
        'sheets: change an input there and this page follows.'
    ),
    'title.page_funnel': 'From the company target to leads',
    'title.page_budget': 'Budget',
    'title.page_house': 'Message house',
    'title.page_modules': 'Modules: focus and KPI',
    'title.page_quarters': 'Quarter themes',
    'title.page_risks': 'Top risks and responses',
    'title.page_quarter_numbers': 'Leads {leads} · Revenue {revenue}',
    'title.module_plan': 'Plan by module: focus, strategy, KPI, risks',
    'title.module_plan_note': (
        "Each module's budget against the Budget sheet's programme budget (below the table)."
    ),
    'title.module_budget_total': 'Module budgets',
    'title.programme_total': 'Programme budget (Budget sheet)',
    'title.module_budget_gap': 'Not yet given to a module',
    'title.okr_tree': 'OKR tree: objectives, key results and what they roll up to',
    'title.okr_note': (
        'Completion of a key result = actual ÷ target; an objective averages its children '
        '(each capped at 100%), weighted equally unless a weight is given.'
    ),
    'title.lessons': 'What worked and what we keep doing',
    'title.lessons_note': (
        "The reusable method behind each success, beside its module's goal completion "
        '(Goal review).'
    ),
    'col.focus': 'Focus',
    'col.strategy': 'Strategy',
    'col.risk': 'Risk',
    'col.response': 'Response',
    'col.budget_share': 'Budget share',
    'col.level': 'Level',
    'col.kind': 'Kind',
    'col.parent': 'Rolls up to',
    'col.what_worked': 'What worked',
    'col.method': 'Reusable method',
    'col.evidence': 'Evidence',
    'col.module_completion': 'Module goal completion',
    'col.theme': 'Theme',
    'col.key_campaigns': 'Key campaigns',
    'value.objective': 'Objective',
    'value.key_result': 'Key result',
    'value.reserve': 'Reserve',
    'msg.okr_parent_missing': '{item}: rolls up to {parent!r}, which is no objective or key '
                              'result of the sheet; shown at the top',
    'msg.okr_cycle': 'These rows roll up to each other in a circle: {items}; {item} is shown '
                     'at the top',
    'msg.okr_duplicate': '{item!r} appears more than once; rows that roll up to it go to the '
                         'first',
    'msg.okr_target_zero': '{item}: the target is 0, so completion is blank',
    'msg.okr_negative_weight': '{item}: a negative weight counts as 1',
    'msg.quarter_unknown': 'Quarter {value!r} is not Q1, Q2, Q3 or Q4; row ignored',
    'msg.quarter_duplicate': '{quarter} has more than one theme; they are joined',
    'msg.module_budget_over': 'Module budgets add up to {modules:,.0f}, {gap:,.0f} more than '
                              'the programme budget {programme:,.0f}',
    'help.modules': (
        "Modules: next year's plan per module (brand, growth, content, events …): focus, "
        'strategy, KPI and its target, owner, budget, the main risk and the response.'
    ),
    'help.quarters': 'Quarters: one theme per quarter (Q1 … Q4) and its key campaigns.',
    'help.okr': (
        'OKR: one row per objective or key result; a key result names its objective; parent = '
        'the objective or key result a row rolls up to; weight blank = equal.'
    ),
    'help.lessons': (
        'Lessons: what worked this year per module, the reusable method behind it and the '
        'evidence.'
    ),
    'title.budget_categories': (
        "Programme cost by category (Spend's category; the plan by each channel's mix last "
        'year)'
    ),
    'col.category': 'Category',
    'value.uncategorised': 'Uncategorised',
    'setting.reserve_share': (
        'Share of the programme budget held back as a contingency reserve (default 0, e.g. 5%).'
    ),
}
