// Opens and closes the class board (in the exercise-link menu, where the teacher's class tools are).
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { toggleBoard } from './actions';

export default function BoardButton() {
  const { t } = useTranslation();
  const open = useStore((s) => s.board.open);
  const count = useStore((s) => s.board.entries.length);
  return (
    <button
      data-testid="board.open"
      aria-pressed={open}
      onClick={(e) => {
        // Picked from a menu: the menu closes, so it does not cover the board.
        e.currentTarget.closest('details')?.removeAttribute('open');
        void toggleBoard();
      }}
    >
      {count ? t('board.openCount', { count }) : t('board.open')}
    </button>
  );
}
