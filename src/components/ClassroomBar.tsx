// Classroom controls: presenter mode (large type, high contrast) and the lesson presets with their paragraph.
import { useState } from 'react';
import { changeNetwork } from '../bridge/experiment';
import { getBridge } from '../bridge/workerBridge';
import { LESSONS, type LessonId } from '../model/lessons';
import { patch, useStore } from '../store/store';

export default function ClassroomBar() {
  const presenter = useStore((s) => s.ui.presenter);
  const [lesson, setLesson] = useState<LessonId | ''>('');
  const current = LESSONS.find((l) => l.id === lesson);
  return (
    <div className="classroom">
      <label className="field inline">
        <span>Lesson</span>
        <select
          data-testid="ui.lesson"
          value={lesson}
          onChange={(e) => {
            const l = LESSONS.find((x) => x.id === e.target.value);
            if (!l) return setLesson('');
            if (!changeNetwork(l.network)) return;
            getBridge().setConfig(l.train);
            setLesson(l.id);
          }}
        >
          <option value="">Choose a lesson…</option>
          {LESSONS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      <button
        role="switch"
        aria-checked={presenter}
        data-testid="ui.presenter"
        className={presenter ? 'switch on' : 'switch'}
        onClick={() => patch('ui', { presenter: !presenter })}
      >
        Presenter mode
      </button>
      {current && (
        <p className="lesson-text" data-testid="ui.lesson-text" role="note">
          <strong>{current.title}.</strong> {current.text}
        </p>
      )}
    </div>
  );
}
