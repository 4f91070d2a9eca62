/** 简体中文 — the console's default language. Keys are shared with en.ts, which must have the same ones. */
export const zh = {
  app: { title: '网格调度中心', skip: '跳到主要内容', language: '语言', signOut: '退出', live: '实时', connecting: '连接中', reconnecting: '重连中', offline: '已断开', polling: '定时刷新', pickDistrict: '此页按辖区显示：请先在顶部选择一个辖区。' },
  nav: { board: '实时看板', map: '地图', queue: '待派遣', kpis: '考核指标' },
  levels: { micro: '微网格', grid: '三级网格', community: '社区', street: '街道', district: '区调度中心', city: '市调度中心' },
  states: { reported: '已上报', accepted: '已受理', dispatched: '已派遣', acknowledged: '已签收', 'in-progress': '处置中', resolved: '已处置', verified: '已核查', closed: '已结案', rejected: '不予受理' },
  roles: { 'city-admin': '市级管理员', 'city-viewer': '市级查看', 'district-admin': '区管理员', dispatcher: '区调度员', leader: '网格长', worker: '网格员', auditor: '审计员', resident: '居民' },
  signIn: {
    title: '登录调度中心', devNote: '开发环境：选择角色与辖区，由开发专用接口签发令牌。', role: '角色', district: '辖区', grid: '网格', name: '姓名（可选）',
    submit: '登录', oidc: '使用统一身份认证登录', failed: '登录失败', expired: '登录已过期，请重新登录', loading: '正在加载…', none: '未配置登录方式：请设置 OIDC 或开发登录。',
  },
  board: {
    title: '实时看板', filters: '筛选', allLevels: '全部层级', level: '层级', category: '事项类别', allCategories: '全部类别', place: '街道 / 社区', allPlaces: '全部',
    overdueOnly: '只看超时', district: '辖区', allDistricts: '全市', open: '在办', overdue: '超时', critical: '紧急', parked: '挂账', empty: '暂无案件',
    age: '已历时', deadline: '时限', noDeadline: '无时限', overdueBy: '已超时 {{time}}', remaining: '剩余 {{time}}', depth: '升级 {{depth}} 次', loadingRows: '加载中…', cases: '{{count}} 件',
  },
  map: { title: '网格地图', noBoundaries: '该辖区尚未登记网格边界。', grid: '网格', onDuty: '当前在岗', nobodyOnDuty: '当前无人在岗', cases: '本网格案件', noCases: '无在办案件', legend: '图例', close: '关闭', select: '选择网格' },
  case: {
    title: '案件详情', close: '关闭', description: '问题描述', address: '地点', category: '类别', state: '状态', holder: '当前处理', reported: '上报时间', deadline: '时限', photos: '照片',
    contact: '上报人联系方式', history: '处理记录', actions: '操作', noActions: '您的角色对此案件无可执行操作。', reason: '理由', note: '备注', gridToDispatch: '派遣至网格',
    assignee: '接手人（账号）', requestedDeadline: '申请延期至', passed: '核查通过', failed: '未通过，返工', rejectReason: '不予受理原因', duplicateOf: '重复的案件编号', rating: '评价（1–5）',
    conflict: '其他人已先处理了此案件 — 请刷新后再试。', forbidden: '无权执行此操作：', failedAction: '操作失败：', done: '已完成：{{action}}', reload: '刷新', loading: '正在加载…', notFound: '案件不存在或无权查看。', by: '操作人',
  },
  actions: {
    acknowledge: '签收', accept: '受理', reject: '不予受理', dispatch: '派遣', 'start-work': '开始处置', resolve: '处置完毕', verify: '核查', close: '结案', rate: '评价',
    'request-extension': '申请延期', 'approve-extension': '批准延期', 'deny-extension': '驳回延期', return: '退回', escalate: '上报升级', reassign: '转交', park: '挂账', unpark: '取消挂账',
  },
  history: {
    reminded: '催办', reopened: '返工', 'contact-erased': '联系方式已删除', 'volunteer-offered': '志愿者邀约', 'volunteer-declined': '志愿者婉拒', 'volunteer-offer-expired': '志愿者邀约过期', 'volunteer-accepted': '志愿者接单', 'volunteer-checked-in': '志愿者到场', 'volunteer-checked-out': '志愿者离场', 'volunteer-completed': '志愿服务完成', 'volunteer-unavailable': '无志愿者可派',
    reported: '上报', accepted: '受理', rejected: '不予受理', dispatched: '派遣', acknowledged: '签收', escalated: '升级', 'work-started': '开始处置', resolved: '处置完毕', verified: '核查通过', 'verification-failed': '核查未通过',
    closed: '结案', rated: '评价', returned: '退回', reassigned: '转交', parked: '挂账', unparked: '取消挂账', 'extension-requested': '申请延期', 'extension-approved': '批准延期', 'extension-denied': '驳回延期',
  },
  queue: { title: '待派遣队列', empty: '队列为空', waiting: '等待', reportedAt: '上报时间', open: '处理' },
  kpis: {
    title: '考核指标', period: '统计区间', from: '起', to: '止', by: '维度', byDay: '按日', byCategory: '按类别', byStreet: '按街道', byCommunity: '按社区',
    cases: '案件数', closureRate: '结案率', onTimeClosureRate: '按期结案率', reworkRate: '返工率', extensionRate: '延期率', medianAck: '签收用时（中位）', medianClose: '结案用时（中位）',
    averageDepth: '平均升级层数', maxDepth: '最大升级层数', depth: '升级层数分布', zeroReport: '今日零上报', zeroReportRate: '上报率', reported: '已报', missing: '未报',
    serviceDays: '志愿服务日', places: '名额', confirmed: '已报名', waitlisted: '候补', toolLoans: '逾期未还工具', tool: '工具', borrower: '借用人', due: '应还', none: '无', table: '数据表', unavailable: '暂无数据',
  },
  errors: { generic: '出错了：', retry: '重试', forbidden: '无权查看', offline: '服务暂不可用' },
  time: { s: '{{n}}秒', m: '{{n}}分', h: '{{n}}小时', d: '{{n}}天' },
};
