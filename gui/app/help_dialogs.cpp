#include "app/help_dialogs.hpp"

#include <QCoreApplication>
#include <QMessageBox>

namespace blackstart::gui {

namespace {
QString tr(const char* text) {
  return QCoreApplication::translate("MainWindow", text);
}
}  // namespace

void show_about(QWidget* parent) {
  QMessageBox::about(
      parent, tr("About Blackstart"),
      tr("<h3>Blackstart %1</h3>"
         "<p>Simulates how attacks and failures cascade through interdependent power, transport and cyber "
         "networks, and how long it takes to get them back.</p>"
         "<p>This window draws the engine's results; every number comes from the same engine as the "
         "<tt>blackstart</tt> command line. Definitions: docs/metrics.md. Rules: docs/models.md.</p>"
         "<p>Colours: Okabe–Ito palette, safe for colour-blind readers.</p>"
         "<p>Built with Qt %2 and Boost.Graph.</p>")
          .arg(QStringLiteral(BLACKSTART_VERSION), QString::fromLatin1(qVersion())));
}

void show_guide(QWidget* parent) {
  QMessageBox box(
      QMessageBox::Information, tr("Blackstart guide"),
      tr("<p><b>1.</b> Open a scenario (Ctrl+O), a built-in one (File ▸ Open built-in) or drop a "
         ".yaml file on the window.</p>"
         "<p><b>2.</b> Run it (Ctrl+R). Pick seed, horizon and mitigations in the toolbar first; "
         "<i>Run what-if set</i> runs the baseline and each mitigation.</p>"
         "<p><b>3.</b> Drag the time slider or press Space to play the cascade. Colours show each "
         "asset's state at that time.</p>"
         "<p><b>4.</b> Click an asset: the Inspector shows why it is in that state, step by step back "
         "to the attack. Click a step to go there.</p>"
         "<p><b>5.</b> Right-click an asset ▸ Attack to add an event, then run again. Save with "
         "Ctrl+S.</p>"
         "<p><b>6.</b> A scenario with an attack campaign: the <i>Attack</i> panel shows its steps "
         "coloured by how far the attacker got at that time; tick controls and response playbooks in "
         "the <i>Controls</i> panel to see what they change (the scenario runs again). Run ▸ Rank "
         "controls finds the controls that avoid the most.</p>"
         "<p>Wheel: zoom · drag: pan · Ctrl+0: fit · Ctrl+L: stacked layers · Ctrl+F: find · "
         "Ctrl+Left/Right: previous/next change · Ctrl+P: PDF report.</p>"
         "<p>More in docs/gui.md.</p>"),
      QMessageBox::Ok, parent);
  box.exec();
}

}  // namespace blackstart::gui
