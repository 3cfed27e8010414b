/// The TEST set of issue 13: paraphrases of every built-in command and non-commands, written fresh (1 December 2026)
/// before the encoder stage was tuned, by someone who did not read the templates; same line format as
/// ``textGoldenCases``. Nothing is tuned on them: thresholds and margins come from the calibration data
/// (``heldOutParaphrases`` and the golden sentences). The first clean measurement on this set is recorded in
/// `UnderstandingMeasurementTests`; a sentence here that fails is a known issue, never a reason to add a template.
/// Live state: albums Trip, Family, Vacation 2024, Cats; contacts Anna Smith, Bob Jones, Mom.
let freshParaphrases = #"""
# --- settings.set_toggle
i'd like bluetooth on | settings.set_toggle toggle=bluetooth on=true
dark mode off | settings.set_toggle toggle=dark_mode on=false
switch on do not disturb | settings.set_toggle toggle=do_not_disturb on=true
could you disable wifi | settings.set_toggle toggle=wifi on=false
put the phone in airplane mode | settings.set_toggle toggle=airplane_mode on=true
get me out of airplane mode | settings.set_toggle toggle=airplane_mode on=false
I want wifi back on | settings.set_toggle toggle=wifi on=true
activate dark mode | settings.set_toggle toggle=dark_mode on=true
shut off bluetooth please | settings.set_toggle toggle=bluetooth on=false
# --- settings.get_toggle
is bluetooth enabled | settings.get_toggle toggle=bluetooth
check whether airplane mode is on | settings.get_toggle toggle=airplane_mode
am i on do not disturb | settings.get_toggle toggle=do_not_disturb
is dark mode active | settings.get_toggle toggle=dark_mode
is the wifi switched on | settings.get_toggle toggle=wifi
# --- settings.flip_toggle
toggle the wifi | settings.flip_toggle toggle=wifi
flip bluetooth | settings.flip_toggle toggle=bluetooth
switch dark mode to the opposite | settings.flip_toggle toggle=dark_mode
# --- settings.get_level
what's the volume at | settings.get_level level=volume
tell me the brightness level | settings.get_level level=brightness
how high is the volume set | settings.get_level level=volume
what is the current screen brightness | settings.get_level level=brightness
# --- settings.set_level
make the screen brighter, 80 percent | settings.set_level level=brightness percent=80
turn the volume down to 20% | settings.set_level level=volume percent=20
volume to 45 percent | settings.set_level level=volume percent=45
change the brightness to 25% | settings.set_level level=brightness percent=25
I want the sound at sixty percent | settings.set_level level=volume percent=60
# --- settings.adjust_level
make it louder | settings.adjust_level level=volume direction=up
the screen is too bright, dim it a little | settings.adjust_level level=brightness direction=down
raise the brightness | settings.adjust_level level=brightness direction=up
boost the volume | settings.adjust_level level=volume direction=up
make the phone quieter | settings.adjust_level level=volume direction=down
turn the sound down a bit | settings.adjust_level level=volume direction=down
# --- settings.show_settings
open settings | settings.show_settings
let me see my phone settings | settings.show_settings
display every setting | settings.show_settings
# --- clock.set_alarm
wake me up at six thirty | clock.set_alarm time="06:30"
alarm at 8 am please | clock.set_alarm time="08:00"
I need to get up at 7:15 tomorrow | clock.set_alarm time="07:15"
set an alarm for quarter to seven | clock.set_alarm time="06:45"
create an alarm for 10:30 pm | clock.set_alarm time="22:30"
get me up at 5 in the morning | clock.set_alarm time="05:00"
# --- clock.set_timer
countdown of 3 minutes | clock.set_timer duration=180
give me a 15 minute timer | clock.set_timer duration=900
timer for 2 minutes please | clock.set_timer duration=120
start counting down from 10 minutes | clock.set_timer duration=600
set a 45 second timer | clock.set_timer duration=45
let me know when 25 minutes have passed | clock.set_timer duration=1500
# --- clock.list_alarms
what alarms have i got | clock.list_alarms
show my alarms | clock.list_alarms
list every alarm | clock.list_alarms
are any alarms set | clock.list_alarms
when is my alarm going to ring | clock.list_alarms
# --- clock.list_timers
show the timers | clock.list_timers
how long until my timer goes off | clock.list_timers
are any timers running | clock.list_timers
check on my timer | clock.list_timers
# --- clock.cancel_alarm
delete my alarm for 6 am | clock.cancel_alarm time="06:00"
remove the 8:15 alarm | clock.cancel_alarm time="08:15"
cancel the gym alarm | clock.cancel_alarm label=gym
I don't need the 7:30 alarm anymore | clock.cancel_alarm time="07:30"
# --- clock.cancel_all_alarms
delete every alarm | clock.cancel_all_alarms
clear all my alarms | clock.cancel_all_alarms
remove all the alarms | clock.cancel_all_alarms
# --- clock.cancel_timer
stop my timer | clock.cancel_timer
cancel the countdown | clock.cancel_timer
kill the timer | clock.cancel_timer
never mind the timer, cancel it | clock.cancel_timer
# --- messages.send_message
send a text to Bob Jones saying lunch is ready | messages.send_message to="Bob Jones" body="lunch is ready"
message mom: running ten minutes late | messages.send_message to=Mom body="running ten minutes late"
write to Anna Smith that the meeting is cancelled | messages.send_message to="Anna Smith" body="the meeting is cancelled"
text mom good night | messages.send_message to=Mom body="good night"
tell Bob Jones I'll be there soon | messages.send_message to="Bob Jones" body="I'll be there soon"
shoot Anna Smith a message saying see you tomorrow | messages.send_message to="Anna Smith" body="see you tomorrow"
# --- messages.read_messages
show my texts | messages.read_messages
what did Bob Jones send me | messages.read_messages from="Bob Jones"
read out my unread messages | messages.read_messages unread_only=true
any new messages | messages.read_messages unread_only=true
open my inbox | messages.read_messages
read me what mom wrote | messages.read_messages from=Mom
# --- messages.count_unread
how many messages haven't i read | messages.count_unread
count my unread texts | messages.count_unread
how many unread messages from mom | messages.count_unread from=Mom
number of unread messages | messages.count_unread
# --- messages.list_contacts
show my contacts | messages.list_contacts
list everyone in my address book | messages.list_contacts
who's in my contact list | messages.list_contacts
# --- messages.add_contact
save a new contact named Grace Hill | messages.add_contact name="Grace Hill"
add Peter to my contacts | messages.add_contact name=Peter
create a contact for Julia Roberts | messages.add_contact name="Julia Roberts"
# --- photos.search_media
show me my photos | photos.search_media kind=photo
find videos i took yesterday | photos.search_media kind=video when=yesterday
show my favorite pictures | photos.search_media favorites=true kind=photo
pictures from last week | photos.search_media kind=photo when=last_week
what's in the Family album | photos.search_media album=Family
show me green photos | photos.search_media label=green kind=photo
open recently deleted | photos.search_media recently_deleted=true
any videos from today | photos.search_media kind=video when=today
# --- photos.create_album
new album called Wedding | photos.create_album name=Wedding
start a new album named Garden | photos.create_album name=Garden
make me an album called Hiking | photos.create_album name=Hiking
# --- photos.list_albums
which albums do i have | photos.list_albums
show all my albums | photos.list_albums
list the photo albums | photos.list_albums
# --- photos.rename_album
change the name of the Trip album to Holiday | photos.rename_album album=Trip new_name=Holiday
call the Cats album Pets instead | photos.rename_album album=Cats new_name=Pets
rename album Vacation 2024 to Summer 2024 | photos.rename_album album="Vacation 2024" new_name="Summer 2024"
# --- photos.delete_album
delete the Trip album | photos.delete_album album=Trip
get rid of the Cats album | photos.delete_album album=Cats
remove the Vacation 2024 album | photos.delete_album album="Vacation 2024"
# --- photos.add_to_album
put my last 2 photos in the Trip album | photos.add_to_album album=Trip latest=2 kind=photo
add yesterday's videos to Family | photos.add_to_album album=Family when=yesterday kind=video
add photo 8 to the Cats album | photos.add_to_album album=Cats photo=8
# --- photos.remove_from_album
take photo 3 out of the Family album | photos.remove_from_album album=Family photo=3
remove the videos from the Trip album | photos.remove_from_album album=Trip kind=video
remove photo 6 from Cats | photos.remove_from_album album=Cats photo=6
# --- photos.favorite_photos
favourite photo 5 | photos.favorite_photos photo=5
mark today's photos as favourites | photos.favorite_photos when=today kind=photo
star photo 11 | photos.favorite_photos photo=11
add photo 2 to my favorites | photos.favorite_photos photo=2
# --- photos.unfavorite_photos
unstar photo 4 | photos.unfavorite_photos photo=4
remove photo 2 from my favorites | photos.unfavorite_photos photo=2
take photo 9 out of favourites | photos.unfavorite_photos photo=9
# --- photos.delete_photos
delete photo 12 | photos.delete_photos photo=12
trash the pictures from yesterday | photos.delete_photos kind=photo when=yesterday
delete my last 5 photos | photos.delete_photos latest=5 kind=photo
erase the videos from last month | photos.delete_photos kind=video when=last_month
# --- photos.empty_recently_deleted
permanently delete everything in recently deleted | photos.empty_recently_deleted
clear out the trash | photos.empty_recently_deleted
empty recently deleted | photos.empty_recently_deleted
# --- photos.recover_photos
restore the photos i deleted | photos.recover_photos
undelete photo 5 | photos.recover_photos photo=5
recover my deleted pictures | photos.recover_photos
# --- photos.import_media
import /tmp/beach.jpg | photos.import_media path=/tmp/beach.jpg
add the files in ~/Pictures/summer to my library | photos.import_media path=~/Pictures/summer
bring in the video at /home/me/clip.mp4 | photos.import_media path=/home/me/clip.mp4
# --- camera.take_photo
grab a photo | camera.take_photo
take a picture | camera.take_photo
shoot a photo and add it to Trip | camera.take_photo album=Trip
take a selfie | camera.take_photo
capture an image | camera.take_photo
# --- camera.record_clip
start recording a video | camera.record_clip
film for 10 seconds | camera.record_clip duration=10
record a two minute clip | camera.record_clip duration=120
shoot a video | camera.record_clip
# --- camera.get_status
is the camera recording | camera.get_status
camera status | camera.get_status
what's the camera up to | camera.get_status
# --- camera.set_source
switch the camera feed to /tmp/garden.mp4 | camera.set_source path=/tmp/garden.mp4
point the camera at ~/Videos/dog.mov | camera.set_source path=~/Videos/dog.mov
make /data/cam.mp4 the camera input | camera.set_source path=/data/cam.mp4
# --- Not commands: nothing may be dispatched
what's the capital of France | -
how are you today | -
tell me a story | -
who won the football game last night | -
what time is it in Tokyo | -
play some jazz | -
order a pizza | -
call an uber | -
i took so many photos on holiday | -
my alarm didn't go off this morning and i was late | -
the camera on this phone is amazing | -
remind me to buy milk | -
what is the meaning of life | -
thanks, that's all | -
good morning | -
i hate waking up early | -
do you like music | -
translate hello into spanish | -
what's 12 times 7 | -
set the table for dinner | -
navigate to the nearest gas station | -
how many calories are in an apple | -
open youtube | -
lock the front door | -
turn on the kitchen lights | -
what's on my calendar tomorrow | -
i'll send you the pictures later | -
my brother loves taking videos | -
these albums are from the nineties | -
the volume of a sphere is four thirds pi r cubed | -
bluetooth headphones are expensive | -
dark mode is easier on the eyes | -
i set an alarm yesterday but slept through it | -
the timer on my oven is broken | -
my mom texted me earlier | -
who invented the telephone | -
what does wifi stand for | -
buy me a new phone | -
schedule a meeting with the team | -
what's the best camera for beginners | -
how do i take better photos | -
the weather is lovely today | -
sing me a song | -
i'm feeling tired | -
start the car | -
email my boss the report | -
what's the price of bitcoin | -
find a recipe for lasagna | -
how far is the moon | -
that photo of the beach was beautiful | -
good night relay | -
what can you do | -
post this picture on instagram | -
turn the oven to 200 degrees | -
increase my salary | -
the brightness of stars varies | -
my contacts are all out of date | -
yesterday was a long day | -
i don't need an alarm on weekends | -
my favourite album is abbey road | -
delete my facebook account | -
send flowers to my mom | -
call Bob Jones | -
what's the wifi password | -
who texted anna yesterday | -
"""#
