// Page layout: network and controls on the left, live charts in the middle, drawing pad on the right. A link
// can hide or lock each part (PartView) for a focused exercise.
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';
import Announcer from './Announcer';
import { ChartsPanel } from '../features/charts';
import { ClassroomBar, FirstRunGuide, GuideButton } from '../features/classroom';
import { DataProgress, StatusBar, TrainingControls, TrainButtons } from '../features/train';
import { DrawPanel } from '../features/draw';
import { MyDigitsPanel } from '../features/mydigits';
import { ExportPanel } from '../features/sessions';
import { DataSettings, HyperStrip, MoreSettings } from '../features/experiment';
import { InsightsPanel } from '../features/insights';
import { LearningStepPanel } from '../features/learning-step';
import { WhyPanel } from '../features/why';
import { ChallengeBanner, ClassBoard } from '../features/classmode';
import { NetworkBuilder } from '../features/builder';
import Notice from '../ui/Notice';
import PartView from '../ui/PartView';
import { RunsPanel } from '../features/runs';
import { SweepPanel } from '../features/sweep';
import UpdateBanner from './UpdateBanner';
import { dismissNotice } from './actions';

export default function App() {
  const { t } = useTranslation();
  const presenter = useStore((s) => s.ui.presenter);
  const notice = useStore((s) => s.ui.notice);
  const offline = useStore((s) => s.ui.offlineReady);
  const stepOpen = useStore((s) => s.learningStep.open);
  const whyOpen = useStore((s) => s.why.open);
  const boardOpen = useStore((s) => s.board.open);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>
          {t('app.title')}
          {offline && (
            <span className="badge" data-testid="ui.offline-ready" title={t('app.offlineReadyTitle')}>
              {t('app.offlineReady')}
            </span>
          )}
        </h1>
        <PartView part="training">
          <TrainButtons />
        </PartView>
        <StatusBar />
        <GuideButton />
        <ClassroomBar />
      </header>
      <PartView part="hyper">
        <HyperStrip />
      </PartView>
      <ChallengeBanner />
      <FirstRunGuide />
      <UpdateBanner />
      <Notice notice={notice} onDismiss={dismissNotice} />
      <DataProgress />
      <Announcer />
      {stepOpen && (
        <PartView part="step">
          <Suspense fallback={<p className="muted">{t('step.computing')}</p>}>
            <LearningStepPanel />
          </Suspense>
        </PartView>
      )}
      {boardOpen && (
        <Suspense fallback={<p className="muted">{t('board.loading')}</p>}>
          <ClassBoard />
        </Suspense>
      )}
      {whyOpen && (
        <PartView part="draw">
          <Suspense fallback={<p className="muted">{t('why.loading')}</p>}>
            <WhyPanel />
          </Suspense>
        </PartView>
      )}
      <div className="app-body">
        <main className="app-main">
          <section className="panel panel-left" aria-label={t('app.networkAndTraining')}>
            <PartView part="network">
              <NetworkBuilder />
            </PartView>
            <PartView part="training">
              <TrainingControls />
            </PartView>
            <PartView part="hyper">
              <MoreSettings />
              <DataSettings />
            </PartView>
            <PartView part="share">
              <ExportPanel />
            </PartView>
          </section>
          <PartView part="charts">
            <section className="panel panel-center" aria-label={t('app.liveCharts')}>
              <ChartsPanel />
              <SweepPanel />
              <RunsPanel />
            </section>
          </PartView>
          <PartView part="draw">
            <section className="panel panel-right" aria-label={t('app.drawDigit')}>
              <DrawPanel />
              <MyDigitsPanel />
            </section>
          </PartView>
        </main>
        <PartView part="insights">
          <div className="app-insights">
            <InsightsPanel />
          </div>
        </PartView>
      </div>
    </div>
  );
}
