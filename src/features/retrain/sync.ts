import { loadSamples } from './samples';
import { checkTrainingElsewhere, onNews, setTrainingElsewhere, trainingElsewhere } from './tabs';
import { followCurrent, refreshVersions } from './versions';

let started = false;
let watching: ReturnType<typeof setInterval> | undefined;

/** While another tab is said to train, asks the lock manager every 2 s (a closed tab announces nothing). */
function watchElsewhere(active: boolean): void {
  setTrainingElsewhere(active);
  if (!active || watching !== undefined) return;
  watching = setInterval(() => {
    void checkTrainingElsewhere().then(() => {
      if (trainingElsewhere()) return;
      clearInterval(watching);
      watching = undefined;
    });
  }, 2_000);
}

/** Applies to this tab's views every change another tab announces (once per page). */
export function startSync(): void {
  if (started) return;
  started = true;
  void checkTrainingElsewhere().then(() => watchElsewhere(trainingElsewhere()));
  onNews((news) => {
    if (news.type === 'samples') void loadSamples();
    else if (news.type === 'versions') void refreshVersions();
    else if (news.type === 'current') void followCurrent(news.id);
    else watchElsewhere(news.active);
  });
}
