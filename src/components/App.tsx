// Page layout: network and controls on the left, live charts in the middle, drawing pad on the right. A link
// can hide or lock each part (PartView) for a focused exercise.
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/workerBridge';
import { useStore } from '../store/store';
import Announcer from './Announcer';
import ChartsPanel from './ChartsPanel';
import ClassroomBar from './ClassroomBar';
import DataProgress from './DataProgress';
import DrawPanel from './DrawPanel';
import ExportPanel from './ExportPanel';
import HyperParams from './HyperParams';
import InsightsPanel from './InsightsPanel';
import NetworkBuilder from './NetworkBuilder';
import Notice from './Notice';
import PartView from './PartView';
import RunsPanel from './RunsPanel';
import SweepPanel from './SweepPanel';
import StatusBar from './StatusBar';
import TrainingControls from './TrainingControls';
import TrainButtons from './TrainButtons';
import FirstRunGuide from './FirstRunGuide';
import GuideButton from './GuideButton';
import UpdateBanner from './UpdateBanner';

/** Loaded on first open: KaTeX and the view are a quarter of the page's code and most visits never open it. */
const LearningStepPanel = lazy(() => import('./step/LearningStepPanel'));

export default function App() {
  const { t } = useTranslation();
  useEffect(() => {
    getBridge();
  }, []);
  const presenter = useStore((s) => s.ui.presenter);
  const offline = useStore((s) => s.ui.offlineReady);
  const stepOpen = useStore((s) => s.step.open);
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
      <FirstRunGuide />
      <UpdateBanner />
      <Notice />
      <DataProgress />
      <Announcer />
      {stepOpen && (
        <PartView part="step">
          <Suspense fallback={<p className="muted">{t('step.computing')}</p>}>
            <LearningStepPanel />
          </Suspense>
        </PartView>
      )}
      <main className="app-main">
        <section className="panel panel-left" aria-label={t('app.networkAndTraining')}>
          <PartView part="network">
            <NetworkBuilder />
          </PartView>
          <PartView part="training">
            <TrainingControls />
          </PartView>
          <PartView part="hyper">
            <HyperParams />
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
          </section>
        </PartView>
      </main>
      <PartView part="insights">
        <div className="app-insights">
          <InsightsPanel />
        </div>
      </PartView>
    </div>
  );
}
