import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { calendarApi, type CalendarDay, type CalendarNotice, type DayKind, type YearStatus } from '../api/index.js';
import { CalendarNoticeModal, holidayRanges } from '../components/CalendarNoticeModal.js';
import { Page } from '../components/Page.js';
import { dayKindLabels, yearStatusLabels } from '../rules-labels.js';
import { useSession } from '../session.js';
import { dayjs, formatDateTime, zone } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];
const legend: DayKind[] = ['workday', 'weekend', 'holiday', 'make_up_workday'];
const statusAlert: Record<YearStatus, 'success' | 'info' | 'warning'> = { official: 'success', notice: 'info', provisional: 'warning' };
const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** One month, Monday first; each day coloured by its kind, holiday names on hover. */
function Month({ month, days }: { month: number; days: CalendarDay[] }) {
  const lead = days.length ? (dayjs(days[0]!.date).day() + 6) % 7 : 0;
  return (
    <div className="cal-month">
      <div className="cal-month-title">{month}月</div>
      <div className="cal-grid">
        {weekdays.map((w) => (
          <div key={w} className="cal-weekday">
            {w}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`x${i}`} />
        ))}
        {days.map((d) => (
          <div key={d.date} className={`cal-day cal-${d.kind}`} title={`${d.date} ${d.holidayName ?? dayKindLabels[d.kind]}`} data-date={d.date}>
            {Number(d.date.slice(8))}
          </div>
        ))}
      </div>
    </div>
  );
}

export function CalendarPage() {
  const { access } = useSession();
  const thisYear = Number(dayjs().tz(zone).format('YYYY'));
  const [year, setYear] = useState(thisYear);
  const cal = useLoad(() => calendarApi.year(year), [year]);
  const notices = useLoad(() => calendarApi.notices(), [], access.platform.enterCalendarNotice);
  const [entering, setEntering] = useState(false);
  const data = cal.data?.year === year ? cal.data : undefined;

  const months = useMemo(() => Array.from({ length: 12 }, (_, m) => (data?.days ?? []).filter((d) => Number(d.date.slice(5, 7)) === m + 1)), [data]);
  const ranges = useMemo(() => holidayRanges(data?.days ?? []), [data]);
  const makeUps = (data?.days ?? []).filter((d) => d.kind === 'make_up_workday');
  const years = Array.from({ length: thisYear + 6 - 2004 }, (_, i) => 2004 + i).reverse();

  const noticeColumns: TableColumnsType<CalendarNotice> = [
    { title: '年份', dataIndex: 'year', width: 80 },
    { title: '放假安排', key: 'h', render: (_: unknown, n) => n.notice.holidays.map((h) => `${h.name} ${md(h.start)}–${md(h.end)}`).join('；') },
    { title: '调休上班', key: 'm', width: 160, render: (_: unknown, n) => n.notice.makeUpWorkdays.map(md).join('、') || '—' },
    { title: '通知文号', dataIndex: 'basis', width: 180 },
    { title: '录入', key: 'by', width: 170, render: (_: unknown, n) => `${n.createdByName ?? '—'} ${formatDateTime(n.createdAt)}` },
  ];

  return (
    <Page
      title="工作日历"
      description="计算“N 个工作日内”“当天下班前”等时限所用的工作日与节假日。"
      extra={
        <Space wrap>
          <Space.Compact>
            <Button aria-label="上一年" icon={<LeftOutlined />} onClick={() => setYear(year - 1)} disabled={year <= 2004} />
            <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 120 }} data-testid="calendar-year" />
            <Button aria-label="下一年" icon={<RightOutlined />} onClick={() => setYear(year + 1)} disabled={year >= thisYear + 5} />
          </Space.Compact>
          {access.platform.enterCalendarNotice ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEntering(true)} disabled={!data} data-testid="notice-create">
              录入通知
            </Button>
          ) : null}
        </Space>
      }
    >
      {data ? (
        <Alert
          type={statusAlert[data.status]}
          showIcon
          className="page-alert"
          data-testid="calendar-status"
          title={`${data.year} 年：${yearStatusLabels[data.status]}`}
          description={
            data.status === 'provisional' ? (
              <>
                本年尚未收录国务院办公厅的节假日安排通知，暂按《全国年节及纪念日放假办法》规定的法定节假日推算；节日适逢周六、周日的，按该办法第六条在其后的工作日补假。<b>未含调休</b>（连休和调休上班日），
                工作日时限可能与实际不符。{access.platform.enterCalendarNotice ? '请在通知发布后点“录入通知”。' : '请平台管理员在通知发布后录入。'}
                <div className="cal-source">来源：{data.source}</div>
              </>
            ) : (
              <div className="cal-source">来源：{data.source}</div>
            )
          }
        />
      ) : null}
      <Card className="section-card">
        <div className="cal-legend">
          {legend.map((k) => (
            <span key={k} className="cal-legend-item">
              <span className={`cal-swatch cal-${k}`} />
              {dayKindLabels[k]}
            </span>
          ))}
        </div>
        {data ? (
          <Row gutter={[20, 20]} data-testid="calendar-grid">
            {months.map((days, m) => (
              <Col key={m} xs={12} md={8} xl={6}>
                <Month month={m + 1} days={days} />
              </Col>
            ))}
          </Row>
        ) : (
          <Spin />
        )}
      </Card>
      {data ? (
        <Card title="节假日与调休" className="section-card" size="small">
          <div className="cal-summary">
            {ranges.map((h) => (
              <Tag key={h.start} color="red" className="cal-summary-tag">
                {h.name} {md(h.start)}
                {h.end !== h.start ? `–${md(h.end)}` : ''}（{dayjs(h.end).diff(dayjs(h.start), 'day') + 1}天）
              </Tag>
            ))}
            {makeUps.map((d) => (
              <Tag key={d.date} color="blue" className="cal-summary-tag">
                {md(d.date)}（周{weekdays[(dayjs(d.date).day() + 6) % 7]}）调休上班
              </Tag>
            ))}
            {makeUps.length === 0 ? <span className="muted">本年无调休上班日{data.status === 'provisional' ? '（暂定日历不含调休）' : ''}</span> : null}
          </div>
        </Card>
      ) : null}
      {access.platform.enterCalendarNotice ? (
        <Card title="通知录入记录" className="section-card">
          <Table<CalendarNotice> rowKey="id" size="middle" columns={noticeColumns} dataSource={notices.data ?? []} loading={notices.loading} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: '尚未录入任何通知；2004–2026 年使用内置的国务院办公厅通知' }} />
        </Card>
      ) : null}
      {data ? <CalendarNoticeModal open={entering} year={year} days={data.days} onClose={() => setEntering(false)} onSaved={() => (setEntering(false), cal.reload(), notices.reload())} /> : null}
    </Page>
  );
}
