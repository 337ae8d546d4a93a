// Page layout: network and controls on the left, live charts in the middle, drawing pad on the right.
import { useEffect } from 'react';
import { getBridge } from '../bridge/workerBridge';
import { useStore } from '../store/store';
import ChartsPanel from './ChartsPanel';
import ClassroomBar from './ClassroomBar';
import DataProgress from './DataProgress';
import DrawPanel from './DrawPanel';
import ExportPanel from './ExportPanel';
import HyperParams from './HyperParams';
import InsightsPanel from './InsightsPanel';
import NetworkBuilder from './NetworkBuilder';
import Notice from './Notice';
import StatusBar from './StatusBar';
import TrainingControls from './TrainingControls';

export default function App() {
  useEffect(() => {
    getBridge();
  }, []);
  const presenter = useStore((s) => s.ui.presenter);
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>MNIST Playground</h1>
        <StatusBar />
        <ClassroomBar />
      </header>
      <Notice />
      <DataProgress />
      <main className="app-main">
        <section className="panel panel-left" aria-label="Network and training">
          <NetworkBuilder />
          <TrainingControls />
          <HyperParams />
          <ExportPanel />
        </section>
        <section className="panel panel-center" aria-label="Live charts">
          <ChartsPanel />
        </section>
        <section className="panel panel-right" aria-label="Draw a digit">
          <DrawPanel />
        </section>
      </main>
      <div className="app-insights">
        <InsightsPanel />
      </div>
    </div>
  );
}
