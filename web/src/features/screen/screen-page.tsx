import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicApi } from '../../api/public.ts';
import type { UnitResult } from '../../api/rounds.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { RequestError } from '../../components/request-error.tsx';
import { formatScore } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { loadScreen, type ScreenData } from './screen-data.ts';

const SLIDE_MS = 15_000;
const POLL_MS = 30_000;
const RED = '#ff4d4f';
const YELLOW = '#fadb14';
const PLAIN = '#3a8ee6';
const TEXT = '#d6e4ff';
const TOP = 10;

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Polls /public/version and returns it; a change means a round was published or corrected. */
function usePublicVersion(): string {
  const [version, setVersion] = useState('');
  useEffect(() => {
    let controller = new AbortController();
    const check = () => {
      controller.abort();
      controller = new AbortController();
      publicApi.version(controller.signal).then(
        (v) => setVersion(v.version),
        () => {
          // Offline for a moment: the screen keeps what it shows and asks again later.
        },
      );
    };
    check();
    const timer = setInterval(check, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, []);
  return version;
}

function BoardSlide({ board }: { board: ScreenData['boards'][number] }) {
  const { t, i18n } = useTranslation();
  const r = board.round;
  const sorted = [...board.items].sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  const top = sorted.slice(0, TOP);
  // The top places and every flagged unit (the yellow flags sit at the bottom).
  const rows = sorted.filter((x, i) => i < TOP || x.flag !== null);
  const period = periodText(r.period, i18n.language);
  const flagText = (x: UnitResult) =>
    x.flag === 'red' ? t('flags.red') : x.flag === 'yellow' ? t('flags.yellow') : '';
  return (
    <section className="screen-slide" aria-label={`${r.contest.title} ${period}`}>
      <h2 className="screen-slide-title">
        {r.contest.title} <span>{period}</span>
        <small>{r.contest.category}</small>
      </h2>
      <div className="screen-board">
        <div className="screen-panel screen-chart">
          <Suspense fallback={null}>
            <LazyChart
              ariaLabel={t('screen.chartLabel', { contest: r.contest.title, period })}
              height={820}
              option={{
                backgroundColor: 'transparent',
                textStyle: { color: TEXT, fontSize: 18 },
                grid: { left: 160, right: 90, top: 20, bottom: 40 },
                xAxis: {
                  type: 'value',
                  axisLabel: { color: TEXT, fontSize: 16 },
                  splitLine: { lineStyle: { color: 'rgba(214,228,255,0.12)' } },
                },
                yAxis: {
                  type: 'category',
                  inverse: true,
                  data: top.map((x) => x.name),
                  axisLabel: { color: TEXT, fontSize: 20 },
                },
                series: [
                  {
                    type: 'bar',
                    barMaxWidth: 44,
                    data: top.map((x) => ({
                      value: x.total,
                      itemStyle: {
                        color: x.flag === 'red' ? RED : x.flag === 'yellow' ? YELLOW : PLAIN,
                        borderRadius: [0, 6, 6, 0],
                      },
                    })),
                    label: {
                      show: true,
                      position: 'right',
                      color: TEXT,
                      fontSize: 18,
                      formatter: (p: { value: number }) => formatScore(p.value, r.rubric.precision),
                    },
                  },
                ],
              }}
            />
          </Suspense>
        </div>
        <div className="screen-panel">
          <table className="screen-table">
            <thead>
              <tr>
                <th>{t('results.rank')}</th>
                <th>{t('common.unit')}</th>
                <th>{t('results.total')}</th>
                <th>{t('results.flag')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((x) => (
                <tr key={x.code} className={x.flag ? `screen-row-${x.flag}` : undefined}>
                  <td>{x.rank}</td>
                  <td>{x.name}</td>
                  <td>{formatScore(x.total, r.rubric.precision)}</td>
                  <td>
                    {x.flag ? (
                      <span className={`screen-flag screen-flag-${x.flag}`}>⚑ {flagText(x)}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function FlagWallSlide({ data }: { data: ScreenData }) {
  const { t } = useTranslation();
  const items = [...data.flags]
    .filter((x) => x.red + x.yellow > 0)
    .sort((a, b) => b.red - a.red || a.yellow - b.yellow || a.unit.code.localeCompare(b.unit.code));
  const top = items.slice(0, 15);
  const red = items.reduce((s, x) => s + x.red, 0);
  const yellow = items.reduce((s, x) => s + x.yellow, 0);
  return (
    <section className="screen-slide" aria-label={t('screen.flagWall', { year: data.year })}>
      <h2 className="screen-slide-title">
        {t('screen.flagWall', { year: data.year })}
        <small>
          {t('flags.totalRed', { count: red })} · {t('flags.totalYellow', { count: yellow })}
        </small>
      </h2>
      <div className="screen-board">
        <div className="screen-panel screen-chart">
          <Suspense fallback={null}>
            <LazyChart
              ariaLabel={t('flags.chartLabel', { year: data.year })}
              height={820}
              option={{
                backgroundColor: 'transparent',
                textStyle: { color: TEXT, fontSize: 18 },
                legend: {
                  top: 0,
                  data: [t('flags.red'), t('flags.yellow')],
                  textStyle: { color: TEXT, fontSize: 18 },
                },
                grid: { left: 160, right: 60, top: 50, bottom: 40 },
                xAxis: {
                  type: 'value',
                  minInterval: 1,
                  axisLabel: { color: TEXT, fontSize: 16 },
                  splitLine: { lineStyle: { color: 'rgba(214,228,255,0.12)' } },
                },
                yAxis: {
                  type: 'category',
                  inverse: true,
                  data: top.map((x) => x.unit.name),
                  axisLabel: { color: TEXT, fontSize: 20 },
                },
                series: [
                  {
                    name: t('flags.red'),
                    type: 'bar',
                    stack: 'flags',
                    color: RED,
                    data: top.map((x) => x.red),
                    label: { show: true, color: '#fff', fontSize: 16 },
                  },
                  {
                    name: t('flags.yellow'),
                    type: 'bar',
                    stack: 'flags',
                    color: YELLOW,
                    data: top.map((x) => x.yellow),
                  },
                ],
              }}
            />
          </Suspense>
        </div>
        <div className="screen-panel screen-tiles">
          {top.map((x, i) => (
            <div key={x.unit.code} className="screen-tile">
              <span className="screen-tile-place">{i + 1}</span>
              <span className="screen-tile-name">{x.unit.name}</span>
              <span className="screen-flag screen-flag-red">
                ⚑ {t('flags.redN', { count: x.red })}
              </span>
              {x.yellow ? (
                <span className="screen-flag screen-flag-yellow">
                  ⚑ {t('flags.yellowN', { count: x.yellow })}
                </span>
              ) : null}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

/**
 * 大屏: a dark 1920×1080 display for a hall. Rotates every 15 s through the latest published
 * boards and the year's flag wall; reloads its data when a round is published or corrected.
 */
export default function ScreenPage() {
  const { t } = useTranslation();
  const now = useClock();
  const version = usePublicVersion();
  const data = useRequest(version ? `screen:${version}` : null, loadScreen);
  const [slide, setSlide] = useState(0);
  const count = (data.data?.boards.length ?? 0) + 1;
  const countRef = useRef(count);
  countRef.current = count;

  useEffect(() => {
    document.title = t('screen.title', { county: '' });
    document.documentElement.classList.add('screen-mode');
    return () => document.documentElement.classList.remove('screen-mode');
  }, [t]);
  useEffect(() => {
    const timer = setInterval(() => setSlide((s) => (s + 1) % countRef.current), SLIDE_MS);
    return () => clearInterval(timer);
  }, []);

  const d = data.data;
  const current = d ? slide % count : 0;
  const board = d && current < d.boards.length ? d.boards[current] : undefined;
  return (
    <div className="screen" data-slide={current}>
      <header className="screen-header">
        <h1>{t('screen.title', { county: d?.county ?? '' })}</h1>
        <div className="screen-clock">
          {now.toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}
        </div>
      </header>
      <main className="screen-main">
        {data.error !== undefined && !d ? (
          <RequestError error={data.error} onRetry={data.reload} />
        ) : !d ? (
          <div className="screen-loading">{t('screen.loading')}</div>
        ) : board ? (
          <BoardSlide key={board.round.id} board={board} />
        ) : (
          <FlagWallSlide data={d} />
        )}
      </main>
      {d ? (
        <footer className="screen-footer">
          <ol className="screen-dots" aria-label={t('screen.slides')}>
            {[...d.boards.map((b) => `round-${b.round.id}`), 'flags'].map((key, i) => (
              <li key={key}>
                <button
                  type="button"
                  className={i === current ? 'active' : undefined}
                  aria-label={t('screen.goTo', { n: i + 1 })}
                  onClick={() => setSlide(i)}
                />
              </li>
            ))}
          </ol>
          <span>{t('screen.rotation')}</span>
        </footer>
      ) : null}
    </div>
  );
}
