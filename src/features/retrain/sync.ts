import { loadSamples } from './samples';
import { checkTrainingElsewhere, onNews, setTrainingElsewhere } from './tabs';
import { followCurrent, refreshVersions } from './versions';

let started = false;

/** Applies to this tab's views every change another tab announces (once per page). */
export function startSync(): void {
  if (started) return;
  started = true;
  void checkTrainingElsewhere();
  onNews((news) => {
    if (news.type === 'samples') void loadSamples();
    else if (news.type === 'versions') void refreshVersions();
    else if (news.type === 'current') void followCurrent(news.id);
    else setTrainingElsewhere(news.active);
  });
}
